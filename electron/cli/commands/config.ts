// `imsg-companion config validate|get|set|unset|path`: inspect and change the config file.
import { parseArgs } from 'node:util';
import type { CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { ConfigStore } from '../../core/config/config-store.js';
import type { ConfigIssue } from '../../core/config/issues.js';
import { formatIssue } from '../../core/config/issues.js';
import { getAtPath, KeyPathError, parseKeyPath } from '../../core/config/key-path.js';
import { loadConfig, readConfigRaw } from '../../core/config/load.js';
import { parseImportArgs, runImport } from '../config-import.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'Validate, read and change the config file';

/** Usage text. */
export const usage = `Usage: imsg-companion config <subcommand> [options]

Subcommands:
  validate [--json]  Check the config file. Exit 1 listing every problem with its key path
                     (a missing file is a problem too). Warnings (deprecated keys, a route to
                     an unknown agent…) are listed but do not fail.
                     --json prints {"ok":bool,"path":…,"issues":[{"path","message"}],"warnings":[…]}
  get KEY            Print the value at KEY (as written in the file) as JSON.
                     Exit 1 with "not set: KEY" when it is absent.
  set KEY VALUE      Change one key. VALUE is read as JSON5 when it parses (true, 20, ["*"],
                     {requireMention: false}), else as plain text. Refused (exit 1, the file
                     untouched) when the result would be an invalid config.
  unset KEY          Remove one key (validated like set).
  path               Print the config file path.
  import --openclaw [PATH] [--dry-run] [--force]
                     Build this config from an OpenClaw or Clawdbot config (default: the first
                     of $OPENCLAW_STATE_DIR/openclaw.json, ~/.openclaw/openclaw.json,
                     ~/.clawdbot/clawdbot.json): its iMessage channel, agents, messages, session,
                     commands and iMessage bindings, plus the approved senders of its pairing
                     store. Lists what it left out and why. --dry-run prints the result and
                     writes nothing; an existing config is only replaced with --force (kept as .bak).

KEY is a dotted path: channels.imessage.dmPolicy, channels.imessage.accounts.work.allowFrom,
agents.list[0].id, channels.imessage.groups["*"].requireMention.

set and unset rewrite the whole file, so comments and formatting in it are NOT preserved;
the previous version is kept next to it as <config>.bak. A VALUE starting with "-" goes
after "--": config set channels.imessage.historyLimit -- 0

Options (anywhere on the line):
  --config PATH      config file (default: $IMSG_COMPANION_CONFIG, else <state dir>/config.json5)
  --state-dir DIR    state directory (default: $IMSG_COMPANION_STATE_DIR, else the platform's)`;

const ARITY: Record<string, number> = { validate: 0, get: 1, set: 2, unset: 1, path: 0 };

function writeIssues(io: CommandIo, heading: string, issues: readonly ConfigIssue[]): void {
  io.stderr.write(`${heading}\n${issues.map((i) => `  ${formatIssue(i)}\n`).join('')}`);
}

function checkKey(key: string): void {
  try {
    parseKeyPath(key);
  } catch (err) {
    if (err instanceof KeyPathError) throw new UsageError(err.message);
    throw err;
  }
}

/** Parse the subcommand line; throws {@link UsageError} on anything unexpected. */
function parseLine(rest: readonly string[]): { sub: string; args: string[]; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${usage}`);
  }
  const [sub, ...args] = parsed.positionals;
  if (sub === undefined) throw new UsageError(`missing subcommand\n\n${usage}`);
  const arity = ARITY[sub];
  if (arity === undefined) throw new UsageError(`unknown subcommand '${sub}' (expected validate, get, set, unset, path or import)`);
  if (args.length !== arity) throw new UsageError(`'config ${sub}' takes ${arity === 0 ? 'no arguments' : arity === 1 ? 'KEY' : 'KEY VALUE'}`);
  const json = parsed.values.json === true;
  if (json && sub !== 'validate') throw new UsageError('--json is only for config validate');
  for (const key of sub === 'validate' || sub === 'path' ? [] : [args[0] as string]) checkKey(key);
  return { sub, args, json };
}

async function validate(path: string, json: boolean, io: CommandIo): Promise<number> {
  const result = await loadConfig(path);
  // A missing file is not "OK": nothing would answer (setup mode), so say where to start.
  const missing = result.ok && !result.exists;
  const issues = !result.ok ? result.issues : missing ? [{ path: '', message: `no config file at ${path} (create one with \`imsg-companion init\` or \`imsg-companion config import --openclaw\`)` }] : [];
  const warnings = result.ok ? result.warnings : [];
  const ok = issues.length === 0;
  if (json) {
    io.stdout.write(`${JSON.stringify({ ok, path, issues, warnings })}\n`);
  } else if (ok) {
    io.stdout.write(`Config OK: ${path}\n`);
    if (warnings.length > 0) io.stdout.write(`Warnings (the config loads, but check these):\n${warnings.map((w) => `  ${formatIssue(w)}\n`).join('')}`);
  } else if (missing) {
    io.stderr.write(`Config not found: ${formatIssue(issues[0] as ConfigIssue)}\n`);
  } else {
    writeIssues(io, `Config invalid: ${path} (${issues.length} problem${issues.length === 1 ? '' : 's'})`, issues);
  }
  return ok ? 0 : 1;
}

async function get(path: string, key: string, io: CommandIo): Promise<number> {
  const read = await readConfigRaw(path);
  if (!read.ok) {
    writeIssues(io, `Cannot use ${path}:`, read.issues);
    return 1;
  }
  const value = getAtPath(read.raw, key);
  if (value === undefined) {
    io.stderr.write(`not set: ${key}\n`);
    return 1;
  }
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

async function write(path: string, sub: 'set' | 'unset', args: string[], io: CommandIo): Promise<number> {
  const store = new ConfigStore({ path });
  const key = args[0] as string;
  const result = sub === 'set' ? await store.setText(key, args[1] as string) : await store.unset(key);
  if (!result.ok) {
    writeIssues(io, `Not changed: ${key} (${path} left as it was):`, result.issues);
    return 1;
  }
  if (!result.changed) io.stdout.write(sub === 'set' ? `Unchanged: ${key} already has that value\n` : `not set: ${key} (nothing to do)\n`);
  else io.stdout.write(`${sub === 'set' ? 'Set' : 'Unset'} ${key} in ${path}${result.backupPath ? ` (previous version: ${result.backupPath})` : ''}\n`);
  if (result.issues.length > 0) writeIssues(io, 'The config still has problems:', result.issues);
  return 0;
}

/** Run `config <subcommand>`. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  // `import` has its own options (--openclaw, --dry-run, --force) and an optional PATH.
  if (rest[0] === 'import') return runImport(ctx, parseImportArgs(rest.slice(1)), io);
  const { sub, args, json } = parseLine(rest);
  if (sub === 'path') {
    io.stdout.write(`${ctx.configPath}\n`);
    return 0;
  }
  if (sub === 'validate') return validate(ctx.configPath, json, io);
  if (sub === 'get') return get(ctx.configPath, args[0] as string, io);
  return write(ctx.configPath, sub as 'set' | 'unset', args, io);
}
