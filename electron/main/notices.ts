// Which snapshot changes deserve a macOS notification (pure): an account that just failed, a
// permission that was granted and no longer is. Steady states never re-notify.
import type { Snapshot } from '../contract/views.js';
import { failingAccounts } from './tray-state.js';

/** One notification to show, with the popover section a click opens. */
export interface Notice {
  /** Stable per cause, so macOS replaces rather than stacks repeats. */
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly section: 'accounts' | 'permissions';
}

const permissionKey = (p: { id: string; accountId: string }): string => `${p.id}\u0000${p.accountId}`;

/**
 * Notices for `next` given the previously seen `prev`. At launch (`prev` undefined) a failing
 * account is news, but a missing permission is not "lost": the popover's Permissions section
 * already leads with it, and notifying on every launch would teach users to ignore us.
 */
export function snapshotNotices(prev: Snapshot | undefined, next: Snapshot): Notice[] {
  const notices: Notice[] = [];
  const failedBefore = new Set(prev ? failingAccounts(prev).map((a) => a.accountId) : []);
  for (const account of failingAccounts(next)) {
    if (failedBefore.has(account.accountId)) continue;
    const cause = account.health.lastError?.cause;
    notices.push({
      id: `account-failed:${account.accountId}`,
      title: `Account ${account.accountId} stopped working`,
      body: cause ? `${cause.summary}${cause.fix ? ` ${cause.fix}` : ''}` : 'imsg is not running for this account.',
      section: 'accounts',
    });
  }
  const grantedBefore = new Set((prev?.permissions ?? []).filter((p) => p.status === 'granted').map(permissionKey));
  for (const permission of next.permissions) {
    if (permission.status !== 'denied' || !grantedBefore.has(permissionKey(permission))) continue;
    notices.push({ id: `permission-lost:${permission.id}:${permission.accountId}`, title: `${permission.title}: access was removed`, body: permission.summary, section: 'permissions' });
  }
  return notices;
}
