// `imsg-companion init`: write a commented starter config (pairing for strangers, the detected
// imsg, the chosen agent). Asks nothing, in a terminal or not: every choice is a flag, and the
// file is meant to be read and edited. Never overwrites an existing config.
import { parseArgs } from 'node:util';
import { parseConfigText } from '../../core/config/load.js';
import { createNewFile, FileExistsError } from '../../core/fs/create-new-file.js';
import { detectSetup, type Detected } from '../../core/setup/detect.js';
import { type StarterAgent, starterConfigText } from '../../core/setup/starter-config.js';
import { UsageError, type CommandIo } from '../command.js';
import { agentFromFlags, flagText, type InitFlags } from '../init-flags.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'Write a commented starter config (pairing for strangers, detected imsg, your agent)';
/** Usage text. */
export const usage = `Usage: imsg-companion init [--agent echo|openai|webhook|command] [options] [--config PATH] [--state-dir DIR]

Writes a commented starter config at the config path (never over an existing file). It finds
imsg (on PATH, /opt/homebrew/bin, /usr/local/bin) and ~/Library/Messages/chat.db, and asks
nothing: choose with flags, then read and edit the file. Strangers get a pairing code.

  --agent TYPE             echo (default: repeats messages, a safe first test), openai, webhook, command
  --base-url URL           openai: the server (https://api.openai.com, http://127.0.0.1:11434 for Ollama)
  --model NAME             openai: the model
  --api-key-secret NAME    openai: the API key from the secret store (imsg-companion secret set NAME)
  --api-key-env VAR        openai: the API key from an environment variable instead
  --url URL                webhook: where each message is POSTed
  --webhook-secret NAME    webhook: HMAC secret from the secret store
  --command ARG            command: the program, then one --command per argument
  --cli-path PATH          imsg to use instead of the detected one (e.g. an SSH wrapper script)
  --db-path PATH           a Messages database other than ~/Library/Messages/chat.db`;

/** Write the starter config. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let values: InitFlags;
  try {
    const str = { type: 'string' } as const;
    ({ values } = parseArgs({ args: [...rest], options: { agent: str, 'base-url': str, model: str, 'api-key-secret': str, 'api-key-env': str, url: str, 'webhook-secret': str, command: { type: 'string', multiple: true }, 'cli-path': str, 'db-path': str }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const agent = agentFromFlags(values);
  const detected = await detectSetup({ env: io.env });
  const text = starterConfigText({ detected, agent, cliPath: flagText(values, 'cli-path'), dbPath: flagText(values, 'db-path') });
  const check = parseConfigText(text, ctx.configPath);
  if (!check.ok) throw new UsageError(`the starter config would be invalid (nothing written):\n${check.issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`);
  try {
    await createNewFile(ctx.configPath, text);
  } catch (err) {
    if (err instanceof FileExistsError) throw new UsageError(`a config already exists at ${ctx.configPath}; not overwritten. Edit it, or move it away and run init again.`, 1);
    throw err;
  }
  io.stdout.write(report(ctx.configPath, detected, agent, Boolean(values['cli-path'])));
  return 0;
}

function report(path: string, d: Detected, agent: StarterAgent, cliGiven: boolean): string {
  const lines = [`Wrote ${path}`];
  if (!cliGiven) lines.push(d.imsg ? `  imsg: ${d.imsg}` : '  imsg: NOT FOUND. Install it (brew install steipete/tap/imsg), then set channels.imessage.cliPath');
  lines.push(d.chatDb ? `  Messages database: ${d.chatDb}` : `  Messages database: not found at ${d.chatDbChecked} (open Messages and sign in)`);
  lines.push(`  agent: ${agent.type}${agent.type === 'echo' ? ' (repeats messages; replace it with a real agent when pairing works)' : ''}`);
  if (agent.type === 'openai' && agent.apiKeySecret) lines.push(`  store the API key: imsg-companion secret set ${agent.apiKeySecret}`);
  if (agent.type === 'webhook' && agent.secretName) lines.push(`  store the webhook secret: imsg-companion secret set ${agent.secretName}`);
  lines.push('  Strangers get a pairing code; approve them with: imsg-companion pairing approve CODE', 'Next: imsg-companion doctor, then start the app (or imsg-companion serve).');
  return `${lines.join('\n')}\n`;
}
