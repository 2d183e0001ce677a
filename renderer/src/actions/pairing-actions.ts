// Pairing verbs behind the Pairing section's buttons; the list itself updates from the next snapshot.
import type { PairingRequestView } from '../../../electron/contract/views.js';
import { api } from '../api/current-api.js';
import { useUiStore } from '../stores/ui-store.js';
import { APPROVE_ALL_KEY, pairingKey, revokeKey, unblockKey } from './keys.js';

const ui = () => useUiStore.getState();

/** Approve one pending request. */
export async function approveRequest(req: PairingRequestView): Promise<void> {
  await ui().track(pairingKey('approve', req.accountId, req.code), () => api().call('pairing:approve', { code: req.code, accountId: req.accountId }));
}

/** Deny one pending request; `block` also stops the sender from asking again. */
export async function denyRequest(req: PairingRequestView, block: boolean): Promise<void> {
  const input = block ? { code: req.code, block: true } : { code: req.code };
  if (block) ui().setConfirming(null);
  const data = await ui().track(pairingKey(block ? 'block' : 'deny', req.accountId, req.code), () => api().call('pairing:deny', input));
  // Offer Undo after the card is gone: a block is easy to make by mistake.
  if (data && block) ui().addRecentBlock({ accountId: data.denied.accountId, sender: data.denied.meta.sender ?? data.denied.id });
}

/** Lift a block (the Undo of Deny & block, or Unblock in the Blocked list). */
export async function unblockSender(accountId: string, sender: string): Promise<void> {
  const key = unblockKey(accountId, sender);
  const data = await ui().track(key, () => api().call('pairing:unblock', { sender, accountId }));
  if (!data) return;
  ui().removeRecentBlock({ accountId, sender });
  if (!data.unblocked) ui().setNotice(key, { tone: 'info', text: `${sender} was not blocked any more.` });
}

/** Approve every pending request (after the confirm step). */
export async function approveAll(): Promise<void> {
  ui().setConfirming(null);
  await ui().track(APPROVE_ALL_KEY, () => api().call('pairing:approve-all', {}));
}

/** Revoke an approved sender (after the confirm step). */
export async function revokeSender(accountId: string, sender: string): Promise<void> {
  ui().setConfirming(null);
  const key = revokeKey(accountId, sender);
  const data = await ui().track(key, () => api().call('pairing:revoke', { handle: sender, accountId }));
  if (data && !data.revoked) ui().setNotice(key, { tone: 'info', text: `${sender} was not on the approved list any more.` });
}
