// The imsg program row (found, version, rpc: from probeImsg) and the chat.db row (exists, readable).
import type { PermissionView } from '../../contract/permissions.js';
import type { ProbeResult } from '../imsg/probe.js';
import type { HeadCheck } from './read-head.js';
import { makeRow, type RowContext } from './row-kit.js';

/** The imsg program row from a probe. */
export function binaryRow(ctx: RowContext, probe: ProbeResult, checkedAt?: string): PermissionView {
  const at = checkedAt ? { checkedAt } : {};
  const version = probe.version ? `imsg ${probe.version}` : 'imsg';
  if (probe.binaryPath && probe.rpcSupported) {
    // A later step failing (a permission, a slow first answer) is the other rows' story, not the program's.
    const failed = !probe.ok && probe.cause ? `; its test request failed: ${probe.cause.summary}` : '';
    return makeRow(ctx, 'imsg-binary', { ...at, status: 'granted', summary: `${version} is installed and supports rpc.`, detail: `${probe.binaryPath}${failed}`, steps: [], actions: ['reveal-imsg'] });
  }
  if (probe.cause?.kind === 'not-found' || (!probe.binaryPath && !probe.ok)) {
    const steps = [probe.cause?.fix ?? 'Install imsg on this Mac, or set cliPath in the settings to the full path of imsg.', 'Check again.'];
    return makeRow(ctx, 'imsg-binary', { ...at, status: 'denied', summary: probe.cause?.summary ?? "The imsg program wasn't found.", detail: probe.error, steps, actions: ['check-again'] });
  }
  if (probe.rpcSupported === false) {
    const steps = [probe.cause?.fix ?? 'Update imsg: brew upgrade imsg', 'Check again.'];
    return makeRow(ctx, 'imsg-binary', { ...at, status: 'denied', summary: probe.cause?.summary ?? `${version} is too old: it has no rpc mode.`, detail: probe.binaryPath, steps, actions: ['reveal-imsg', 'check-again'] });
  }
  return makeRow(ctx, 'imsg-binary', { ...at, status: 'unknown', summary: `Couldn't check the imsg program: ${probe.cause?.summary ?? probe.error ?? 'no answer'}`, detail: probe.error, steps: ['Check again.'], actions: ['check-again'] });
}

/** The chat.db row from the header check. `custom`: the path came from dbPath, not the default. */
export function chatDbRow(ctx: RowContext, check: HeadCheck, custom: boolean): PermissionView {
  const p = check.path;
  const row = (status: PermissionView['status'], summary: string, steps: string[], actions: PermissionView['actions'], extra: Partial<PermissionView> = {}) =>
    makeRow(ctx, 'chat-db', { status, summary, detail: check.detail ? `${p} (${check.detail})` : p, steps, actions, ...extra });
  switch (check.finding) {
    case 'readable':
      return row('granted', 'Your Messages database is there and readable.', [], []);
    case 'missing':
      return custom
        ? row('denied', `There is no file at ${p}.`, ['Fix dbPath in the settings, or remove it to use the Messages default.', 'Check again.'], ['check-again'])
        : row('unknown', 'There is no Messages database yet. Has Messages been used on this Mac?', ['Open Messages and sign in with your Apple ID.', 'Check again.'], ['open-messages', 'check-again']);
    case 'eperm':
      return row('denied', 'macOS blocks reading the Messages database: Full Disk Access is off.', ['Turn on Full Disk Access (see above).', 'Check again.'], ['open-settings', 'check-again'], { settingsPane: 'full-disk-access' });
    case 'eacces':
      return row('denied', "The Messages database can't be read: its file permissions don't allow it.", ['Run imsg Companion as the Mac user who uses Messages.', 'Check again.'], ['check-again']);
    case 'empty':
    case 'bad-header':
      return row('denied', "The file is there but doesn't read as a Messages database.", custom ? ['Check that dbPath points at chat.db.', 'Check again.'] : ['Turn on Full Disk Access (see above).', 'Check again.'], ['check-again']);
    case 'timeout':
    case 'error':
      return row('unknown', "Couldn't read the Messages database just now.", ['Check again.'], ['check-again']);
  }
}

/** The chat.db row of an SSH-wrapped account: the file is on the other Mac. */
export function remoteChatDbRow(ctx: RowContext): PermissionView {
  return makeRow(ctx, 'chat-db', { status: 'not-applicable', summary: `The Messages database is on ${ctx.remoteHost ?? 'the remote Mac'}; imsg reads it there.`, steps: [], actions: [] });
}
