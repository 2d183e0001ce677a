// `imsg-companion secret set|list|remove NAME`: API keys and webhook secrets for `{secret: NAME}`
// references. The value comes from stdin only: on the command line it would show in `ps` and history.
import { openSecretStore, SECRET_NAME, SECRET_NAME_ERROR } from '../../core/secrets/index.js';
import { UsageError, type CommandIo } from '../command.js';
import { resolveCliContext } from '../global-flags.js';
import { readSecretInput } from '../secret-input.js';

/** One line for the root help. */
export const summary = 'Store API keys and webhook secrets for agents (value from stdin, never argv)';
/** Usage text. */
export const usage = `Usage: imsg-companion secret <subcommand> [options]

Subcommands:
  set NAME        store a value read from stdin (typed hidden in a terminal, or piped:
                  printf %s "$OPENAI_API_KEY" | imsg-companion secret set OPENAI)
  list [--json]   the names of the stored secrets (never the values)
  remove NAME     delete a stored secret

Refer to a secret from the config instead of an environment variable:
  backend: { type: "openai", ..., apiKey: { secret: "OPENAI" } }
  backend: { type: "webhook", ..., secret: { secret: "HOOK" } }
Headless, values live in <state dir>/secrets/secrets.json (mode 0600); the Mac app reads them too.

Global options: --state-dir DIR, --config PATH`;

/** Run a secret subcommand against the state dir's store. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  const [sub, ...args] = rest;
  const store = openSecretStore(ctx.stateDir);
  switch (sub) {
    case 'set': {
      const name = nameArg(args, 'set');
      if (args.length > 1) throw new UsageError(`the value is read from stdin, never from the command line (it would show in ps and your shell history): printf %s "$VALUE" | imsg-companion secret set ${name}`);
      const value = await readSecretInput(io, `Value for ${name} (input hidden): `);
      if (value === '') throw new UsageError(`no value on stdin for ${name}; nothing stored`, 1);
      await store.set(name, value);
      io.stdout.write(`Stored secret ${name} in ${store.location}. Use it as {secret: "${name}"}.\n`);
      return 0;
    }
    case 'list': {
      const json = args.includes('--json');
      const unknown = args.filter((a) => a !== '--json');
      if (unknown.length > 0) throw new UsageError(`unexpected argument ${unknown[0] ?? ''}`);
      const names = store.list();
      io.stdout.write(json ? `${JSON.stringify({ names })}\n` : names.length > 0 ? `${names.join('\n')}\n` : `No secrets stored (${store.location}).\n`);
      return 0;
    }
    case 'remove': {
      const name = nameArg(args, 'remove');
      if (args.length > 1) throw new UsageError(`unexpected argument ${args[1] ?? ''}`);
      if (!(await store.remove(name))) {
        io.stderr.write(`No secret named ${name}.\n`);
        return 1;
      }
      io.stdout.write(`Removed secret ${name}.\n`);
      return 0;
    }
    default:
      throw new UsageError(sub ? `unknown subcommand '${sub}' (set, list, remove)` : 'missing subcommand (set, list, remove)');
  }
}

function nameArg(args: readonly string[], sub: string): string {
  const name = args[0];
  if (!name) throw new UsageError(`secret ${sub} needs a NAME`);
  if (!SECRET_NAME.test(name)) throw new UsageError(`invalid secret name ${JSON.stringify(name)}: ${SECRET_NAME_ERROR}`);
  return name;
}
