// `serve --demo`: a throwaway chat.db driven by the bundled imsg simulator, answered by the echo agent.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/** Where the demo lives and how to poke it. */
export interface DemoSetup {
  readonly stateDir: string;
  readonly configPath: string;
  readonly dbPath: string;
  readonly simBin: string;
}

/** The simulator bin shipped next to this CLI bin in dist/bin/. */
export function simBinPath(): string {
  return fileURLToPath(new URL('./imsg-sim.js', import.meta.url));
}

/** Create the demo state dir (or use `stateDir`), an empty chat.db and a demo config. */
export async function setupDemo(stateDir?: string): Promise<DemoSetup> {
  const dir = stateDir ?? (await fs.mkdtemp(join(tmpdir(), 'imsg-companion-demo-')));
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const simBin = simBinPath();
  const dbPath = join(dir, 'demo-chat.db');
  await execa(process.execPath, [simBin, 'init', '--db', dbPath]);
  const configPath = join(dir, 'config.json5');
  const config = {
    channels: { imessage: { cliPath: simBin, dbPath, dmPolicy: 'pairing', groupPolicy: 'open', groups: { '*': { requireMention: true } } } },
    agents: { list: [{ id: 'echo', name: 'Echo', default: true, backend: { type: 'echo', prefix: 'echo: ' } }] },
    messages: { groupChat: { mentionPatterns: ['@echo', '\\becho\\b'] } },
  };
  await fs.writeFile(configPath, `// imsg Companion demo config (safe to edit; the app reloads it)\n${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return { stateDir: dir, configPath, dbPath, simBin };
}

/** What to type to try the demo. */
export function demoInstructions(d: DemoSetup): string {
  const sim = `node ${d.simBin}`;
  return [
    'imsg Companion demo: the imsg simulator stands in for Messages.app, the echo agent answers.',
    `  state dir: ${d.stateDir}`,
    '',
    'In another terminal:',
    `  1. A stranger writes:        ${sim} inject --db ${d.dbPath} --from +15551234567 --text "hello"`,
    `  2. See the pairing request:  npx imsg-companion pairing list --state-dir ${d.stateDir}`,
    `  3. Approve it:               npx imsg-companion pairing approve <CODE> --state-dir ${d.stateDir}`,
    `  4. They write again:         ${sim} inject --db ${d.dbPath} --from +15551234567 --text "are you there?"`,
    `  5. Read what was sent:       ${sim} outbox --db ${d.dbPath} --json`,
    `  Group with a mention:        ${sim} inject --db ${d.dbPath} --from +15557654321 --group-name "Friends" --participants +15557654321,+15550001111 --text "@echo hi all"`,
    `  Status:                      npx imsg-companion status --state-dir ${d.stateDir}`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}
