// `imsg-companion` entry: dispatches `<command>` to electron/cli/commands/<command>.ts.
import { readdirSync } from 'node:fs';
import type { CommandIo, CommandModule } from './command.js';
import { UsageError } from './command.js';
import { terminalSafeStream } from '../core/text/terminal-safe.js';
import { VERSION } from './version.js';

/** Load a command module by name; esbuild bundles every file of commands/ for this import. */
async function loadCommand(name: string): Promise<CommandModule | undefined> {
  if (!commandNames().includes(name)) return undefined;
  return (await import(`./commands/${name}.ts`)) as CommandModule;
}

// Filled in at build time by esbuild's define (see build/build-node.mjs); absent in source runs.
declare const __IMSG_COMPANION_COMMANDS__: string[] | undefined;

/** Names of the available commands: the build-time list, else the commands/ folder (source runs). */
export function commandNames(): string[] {
  if (typeof __IMSG_COMPANION_COMMANDS__ !== 'undefined') return [...__IMSG_COMPANION_COMMANDS__];
  return readdirSync(new URL('./commands/', import.meta.url))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** Root help text listing every command with its summary. */
export async function rootHelp(): Promise<string> {
  const lines = [`imsg-companion ${VERSION}`, 'Run an AI assistant over iMessage from your own Mac, safely.', '', 'Usage:', '  imsg-companion <command> [options]', '', 'Commands:'];
  for (const name of commandNames()) {
    const mod = await loadCommand(name);
    if (mod) lines.push(`  ${name.padEnd(10)} ${mod.summary}`);
  }
  lines.push('', 'Global options:', '  --config PATH      config file (default: <state dir>/config.json5)', '  --state-dir DIR    state directory', '  -h, --help         help for a command', '  -V, --version      print the version', '', "Run 'imsg-companion <command> --help' for details.");
  return lines.join('\n') + '\n';
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], rawIo: CommandIo): Promise<number> {
  // Everything printed may quote untrusted text (senders, messages, file bytes in errors).
  const io: CommandIo = { ...rawIo, stdout: terminalSafeStream(rawIo.stdout), stderr: terminalSafeStream(rawIo.stderr) };
  const [name, ...rest] = argv;
  if (argv.includes('--version') || argv.includes('-V')) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await rootHelp());
    return 0;
  }
  const mod = await loadCommand(name);
  if (!mod) {
    io.stderr.write(`imsg-companion: unknown command '${name}'. Run 'imsg-companion --help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(mod.usage.endsWith('\n') ? mod.usage : `${mod.usage}\n`);
    return 0;
  }
  try {
    return await mod.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`imsg-companion ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(`imsg-companion ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

