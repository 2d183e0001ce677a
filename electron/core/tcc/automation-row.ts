// The Automation (Messages) row. It is only probed when the user clicks Request access; until
// then it says so. imsg's own -1743 send error overrules an older probe.
import type { PermissionView } from '../../contract/permissions.js';
import type { HealthError } from '../imsg/health.js';
import { remoteWho } from '../imsg/ssh-causes.js';
import { SSH_GRANTEE } from '../platform/launcher.js';
import type { AutomationVerdict } from './automation.js';
import { makeRow, type RowContext } from './row-kit.js';

const SETTINGS_STEP = 'Open System Settings → Privacy & Security → Automation.';

/** The Automation row of a local account on macOS: the last requested verdict, or the bridge's denial. */
export function automationRow(ctx: RowContext, verdict: AutomationVerdict | undefined, bridge?: HealthError): PermissionView {
  const name = ctx.grantee.name;
  const base = { grantee: ctx.grantee.text, settingsPane: 'automation' as const };
  if (bridge && (!verdict || Date.parse(bridge.at) >= Date.parse(verdict.at))) {
    return makeRow(ctx, 'automation', {
      ...base,
      status: 'denied',
      summary: `Sending failed: macOS doesn't allow ${name} to control Messages.`,
      detail: bridge.cause.detail ?? bridge.message,
      steps: [SETTINGS_STEP, `Under ${name}, turn on Messages.`, 'Click Request access to check again.'],
      actions: ['open-settings', 'request-access'],
      checkedAt: bridge.at,
    });
  }
  if (!verdict) {
    return makeRow(ctx, 'automation', {
      ...base,
      status: 'unknown',
      summary: 'Not checked yet. Sending replies needs permission to control Messages; checking may show a macOS prompt.',
      steps: ['Click Request access.', `If macOS asks, click OK to let ${name} control Messages.`],
      actions: ['request-access'],
    });
  }
  const at = { checkedAt: verdict.at, ...(verdict.detail ? { detail: verdict.detail } : {}) };
  switch (verdict.status) {
    case 'granted':
      return makeRow(ctx, 'automation', { ...base, ...at, status: 'granted', summary: `${name} may control Messages, so replies can be sent.`, steps: [], actions: [] });
    case 'denied':
      return makeRow(ctx, 'automation', { ...base, ...at, status: 'denied', summary: `macOS doesn't allow ${name} to control Messages, so replies can't be sent.`, steps: [SETTINGS_STEP, `Under ${name}, turn on Messages.`, 'Click Request access to check again.'], actions: ['open-settings', 'request-access'] });
    case 'not-determined':
      return makeRow(ctx, 'automation', { ...base, ...at, status: 'not-determined', summary: `macOS hasn't asked yet whether ${name} may control Messages.`, steps: ['Click Request access.', 'When macOS asks, click OK.'], actions: ['request-access'] });
    case 'unknown':
      return unknownRow(ctx, verdict, { ...base, ...at });
  }
}

function unknownRow(ctx: RowContext, verdict: AutomationVerdict, base: { grantee: string; settingsPane: 'automation'; checkedAt: string; detail?: string }): PermissionView {
  if (verdict.reason === 'messages-not-running') {
    return makeRow(ctx, 'automation', { ...base, status: 'unknown', summary: "Messages isn't open, so macOS can't tell yet.", steps: ['Open Messages.', 'Click Request access again.'], actions: ['open-messages', 'request-access'] });
  }
  if (verdict.reason === 'timeout') {
    return makeRow(ctx, 'automation', { ...base, status: 'unknown', summary: "macOS didn't answer in time. A permission prompt may be waiting for you.", steps: ['Answer the macOS prompt if one is open.', 'Click Request access again.'], actions: ['request-access', 'open-settings'] });
  }
  return makeRow(ctx, 'automation', { ...base, status: 'unknown', summary: "Couldn't check whether imsg Companion may control Messages.", steps: ['Click Request access to try again.'], actions: ['request-access', 'open-settings'] });
}

/** The Automation row of an SSH-wrapped account: it can't be requested from here. */
export function remoteAutomationRow(ctx: RowContext, bridge?: HealthError): PermissionView {
  // "the macOS user bot on this Mac" for a bot user over SSH to localhost: the grant is made in that user's session.
  const who = ctx.remoteHost ? remoteWho(ctx.remoteHost) : undefined;
  const host = who?.where ?? 'the remote Mac';
  const on = who?.local ? 'On this Mac' : `On ${host}`;
  const steps = [`${on}${who?.user ? `, signed in as ${who.user}` : ''}, open System Settings → Privacy & Security → Automation.`, `Turn on Messages under ${SSH_GRANTEE}.`];
  if (bridge) {
    return makeRow(ctx, 'automation', { grantee: ctx.grantee.text, status: 'denied', summary: `imsg running as ${host} isn't allowed to control Messages there, so replies can't be sent.`, detail: bridge.cause.detail ?? bridge.message, steps, actions: ['check-again'], checkedAt: bridge.at });
  }
  return makeRow(ctx, 'automation', { grantee: ctx.grantee.text, status: 'unknown', summary: `imsg runs over SSH as ${host}; Automation can only be checked there.`, steps, actions: [] });
}
