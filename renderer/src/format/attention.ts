// Where the popover should open: the one thing the owner should look at first (presentation only:
// it reads states the core computed, it decides nothing about messages).
import type { Snapshot } from '../../../electron/contract/views.js';
import type { SectionId } from '../stores/ui-store.js';

/** A section and, optionally, the DOM id of the row to bring into view. */
export interface AttentionTarget {
  readonly section: SectionId | 'guide';
  readonly rowId?: string;
}

const REQUIRED = new Set(['imsg-binary', 'full-disk-access', 'chat-db']);

/** The DOM id of a permission row (shared with the Permissions section). */
export const permissionRowId = (accountId: string, id: string) => `perm-row-${accountId}-${id}`;
/** The DOM id of an account card. */
export const accountRowId = (accountId: string) => `account-row-${accountId}`;
/** The DOM id of an agent in Settings. */
export const agentRowId = (agentId: string) => `agent-row-${agentId}`;

/** The first thing that needs the owner, in order of urgency; null when all is well. */
export function attentionTarget(s: Snapshot): AttentionTarget | null {
  if (s.setup?.needed) return { section: 'guide' };
  // No agent: nothing can be answered yet, the guide's step 4 is what is missing.
  if (s.agents.list.length === 0 && !s.agents.problem) return { section: 'guide' };
  const required = s.permissions.find((p) => REQUIRED.has(p.id) && p.status === 'denied');
  if (required) return { section: 'guide' };
  if (s.pairing.pending.length > 0) return { section: 'pairing' };
  const perm = s.permissions.find((p) => p.status === 'denied' || p.status === 'not-determined');
  if (perm) return { section: 'permissions', rowId: permissionRowId(perm.accountId, perm.id) };
  const account = s.accounts.find((a) => a.enabled && (a.health.state === 'fatal' || (a.health.state === 'backoff' && a.health.lastError)));
  if (account) return { section: 'accounts', rowId: accountRowId(account.accountId) };
  const agent = s.agents.list.find((a) => a.health?.state === 'failing' || a.health?.state === 'unavailable');
  if (agent) return { section: 'settings', rowId: agentRowId(agent.agentId) };
  if ((s.replies?.notAnswered ?? 0) > 0) return { section: 'activity' };
  return null;
}
