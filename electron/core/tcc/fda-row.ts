// The Full Disk Access row: the verdict in one sentence, who needs the grant, and the guided fix.
import type { PermissionView } from '../../contract/permissions.js';
import { remoteWho } from '../imsg/ssh-causes.js';
import type { FdaVerdict } from './full-disk-access.js';
import { makeRow, remoteLoginSteps, reopenStep, revealAction, type RowContext } from './row-kit.js';

/** The FDA row of a local account on macOS. `bridgeDetail`: imsg's own error text, when it decided. */
export function fdaRow(ctx: RowContext, verdict: FdaVerdict, bridgeDetail?: string): PermissionView {
  const name = ctx.grantee.name;
  const base = { grantee: ctx.grantee.text, settingsPane: 'full-disk-access' as const };
  if (verdict.status === 'granted') {
    const summary = verdict.reason === 'sentinel-readable' ? 'Full Disk Access is on. Messages has no history on this Mac yet.' : 'Full Disk Access is on: imsg can read your Messages history.';
    return makeRow(ctx, 'full-disk-access', { ...base, status: 'granted', summary, steps: [], actions: [] });
  }
  if (verdict.status === 'unknown') return unknownRow(ctx, verdict);
  const summaries: Partial<Record<FdaVerdict['reason'], string>> = {
    bridge: `imsg reports it can't read your Messages history: ${name} needs Full Disk Access.`,
    'file-permissions': `Your Messages database can't be read: its file permissions block ${name}, or Full Disk Access is off.`,
    unreadable: `macOS let ${name} open your Messages database but not read it: Full Disk Access is off.`,
  };
  const summary = summaries[verdict.reason] ?? `macOS blocks ${name} from reading your Messages history: Full Disk Access is off.`;
  const detail = bridgeDetail ?? describeChecks(verdict);
  if (ctx.grantee.kind === 'ssh') {
    return makeRow(ctx, 'full-disk-access', { grantee: ctx.grantee.text, status: 'denied', summary, detail, steps: [...remoteLoginSteps('On this Mac'), 'Reconnect over SSH and start imsg Companion again.'], actions: ['check-again'] });
  }
  const steps = ['Open System Settings → Privacy & Security → Full Disk Access.', `Turn on ${name} (or drag it into the list with +).`, 'If it is already on, turn it off and on again.', reopenStep(ctx)];
  const actions: PermissionView['actions'] = ['open-settings', ...revealAction(ctx), 'check-again', ...(ctx.mode === 'app' ? (['relaunch'] as const) : [])];
  return makeRow(ctx, 'full-disk-access', { ...base, status: 'denied', summary, detail, steps, actions });
}

function unknownRow(ctx: RowContext, verdict: FdaVerdict): PermissionView {
  const base = { grantee: ctx.grantee.text, settingsPane: 'full-disk-access' as const, status: 'unknown' as const, detail: describeChecks(verdict) };
  if (verdict.reason === 'no-messages-data') {
    return makeRow(ctx, 'full-disk-access', { ...base, summary: "Can't tell yet: there is no Messages history on this Mac. Has Messages been used here?", steps: ['Open Messages and sign in with your Apple ID.', 'Check again.'], actions: ['open-messages', 'open-settings', 'check-again'] });
  }
  const summary = verdict.reason === 'timeout' ? "Can't tell: macOS took too long to answer." : "Can't tell: reading your Messages database failed for another reason.";
  return makeRow(ctx, 'full-disk-access', { ...base, summary, steps: ['Check again.'], actions: ['open-settings', 'check-again'] });
}

/** "chat.db: EPERM; TCC.db: readable": what each file read found (the EACCES case is named here). */
export function describeChecks(verdict: FdaVerdict): string {
  const one = (c: FdaVerdict['chatDb']) => `${c.path}: ${c.finding}${c.detail && c.detail !== c.finding.toUpperCase() ? ` (${c.detail})` : ''}`;
  return [one(verdict.chatDb), ...(verdict.sentinel ? [one(verdict.sentinel)] : [])].join('; ');
}

/** The FDA row of an SSH-wrapped account: only imsg on the remote Mac can tell. */
export function remoteFdaRow(ctx: RowContext, state: { ok: boolean; deniedDetail?: string }): PermissionView {
  const who = ctx.remoteHost ? remoteWho(ctx.remoteHost) : undefined;
  const host = who?.where ?? 'the remote Mac';
  const base = { grantee: ctx.grantee.text };
  if (state.deniedDetail !== undefined) {
    return makeRow(ctx, 'full-disk-access', { ...base, status: 'denied', summary: `imsg running as ${host} can't read the Messages history there: Full Disk Access is off for SSH.`, detail: state.deniedDetail, steps: [...remoteLoginSteps(who?.local ? 'On this Mac' : `On ${host}`), 'Check again.'], actions: ['check-again'] });
  }
  if (state.ok) return makeRow(ctx, 'full-disk-access', { ...base, status: 'granted', summary: `imsg on ${host} can read the Messages history there.`, steps: [], actions: [] });
  return makeRow(ctx, 'full-disk-access', { ...base, status: 'unknown', summary: `imsg runs on ${host} over SSH; this Mac can only tell once imsg answers there.`, steps: ['Check again.'], actions: ['check-again'] });
}
