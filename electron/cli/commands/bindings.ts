// `imsg-companion bindings list|close ID`: ACP conversation bindings (config `bindings[]` of type
// "acp" and the ones made with `/acp spawn`), from the running app or from the state dir.
import { parseArgs } from 'node:util';
import { BindingStore } from '../../core/acp/binding-store.js';
import { formatSessionLine, offlineSessionViews } from '../../core/acp/session-views.js';
import { connectControl } from '../../core/transport/control-client.js';
import type { AcpSessionView } from '../../contract/views.js';
import { UsageError, type CommandIo } from '../command.js';
import { loadConfigOrFail } from '../cli-config.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'List ACP conversation bindings and their sessions, or close one';
/** Usage text. */
export const usage = `Usage: imsg-companion bindings <subcommand> [options]

Subcommands:
  list [--json]     every ACP binding: conversation, agent, state, session id, since, last activity
  close ID          end the binding's ACP session (its agent process stops); a binding made in
                    chat (/acp spawn) is removed, a config one stays until bindings[] changes

Asks the running app (serve or the menu-bar app) when there is one; otherwise reads the state dir.

Global options: --state-dir DIR, --config PATH`;

/** Run `bindings list|close`. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${usage}`);
  }
  const [sub, id, extra] = parsed.positionals;
  if (sub === 'list' && id === undefined) return list(ctx, io, parsed.values.json === true);
  if (sub === 'close' && id && extra === undefined) return close(ctx, io, id);
  throw new UsageError(usage);
}

type Ctx = { stateDir: string; configPath: string };

async function list(ctx: Ctx, io: CommandIo, json: boolean): Promise<number> {
  const control = await connectControl(ctx.stateDir);
  let views: AcpSessionView[];
  let running = false;
  let problem: string | undefined;
  if (control) {
    const res = await control.call('status:get', {});
    if (!res.ok) throw new UsageError(res.error.message, 1);
    views = res.data.acp?.sessions ?? [];
    running = true;
  } else ({ views, problem } = offlineSessionViews(ctx.stateDir, await loadConfigOrFail(ctx.configPath)));
  if (json) io.stdout.write(`${JSON.stringify({ running, bindings: views, ...(problem && { problem }) })}\n`);
  else {
    const lines = views.length === 0 ? ['No ACP bindings.'] : views.map(formatSessionLine);
    if (!running) lines.push('(imsg Companion is not running: no agent process runs now)');
    if (problem) lines.push(`problem: ${problem}`);
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return problem ? 1 : 0;
}

async function close(ctx: Ctx, io: CommandIo, id: string): Promise<number> {
  const control = await connectControl(ctx.stateDir);
  if (control) {
    const res = await control.call('bindings:close', { id });
    if (!res.ok) return (io.stderr.write(`${res.error.message}\n`), 1);
    io.stdout.write(res.data.removed ? `Closed and removed ${id}.\n` : `Closed the session of ${id}; it is a config binding: remove it from bindings[] to unbind.\n`);
    return 0;
  }
  // Nothing runs, so no process to end: a chat binding is removed from the file.
  const store = new BindingStore(ctx.stateDir);
  if (store.problem) return (io.stderr.write(`${store.problem}\n`), 1);
  if (!store.bindings.some((b) => b.id === id)) {
    const known = offlineSessionViews(ctx.stateDir, await loadConfigOrFail(ctx.configPath)).views.some((v) => v.id === id);
    io.stderr.write(known ? `${id} is a config binding: remove it from bindings[] to unbind.\n` : `No ACP binding ${id} (see imsg-companion bindings list).\n`);
    return 1;
  }
  await store.remove(id);
  io.stdout.write(`Removed ${id}.\n`);
  return 0;
}
