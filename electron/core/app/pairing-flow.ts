// A `pairing` decision: create or refresh the request, reply with the code (unless silent), tell the UI.
import type { ImsgMessage } from '../imsg/message.js';
import { pairingReplyText } from '../pairing/index.js';
import type { InboundDecision } from '../policy/decide-types.js';
import type { AccountRuntime } from './account-runtime.js';
import { activityFromDecision } from './activity-shape.js';

/** Handle a message whose decision is `pairing` (§9 + §0.3). */
export async function handlePairing(rt: AccountRuntime, message: ImsgMessage, decision: InboundDecision): Promise<void> {
  const { deps, account } = rt;
  const base = activityFromDecision(account.accountId, message, decision);
  let result;
  try {
    result = await deps.pairing.upsertRequest({
      accountId: account.accountId,
      senderId: decision.senderNormalized,
      meta: { sender: decision.senderId, ...(decision.chatId ? { chatId: String(decision.chatId) } : {}) },
    });
  } catch (err) {
    await deps.activity.append({ ...base, kind: 'pairing', detail: `pairing request not stored: ${(err as Error).message}` });
    return;
  }
  if (!result.created) {
    const why = result.blocked ? 'sender is blocked; ignored' : result.code === '' ? 'pending pairing requests are at the limit (3); no code sent' : 'a request is already pending; no new code sent';
    await deps.activity.append({ ...base, kind: 'pairing', detail: why });
    return;
  }
  if (result.request) deps.pairingCreated(result.request);
  deps.changed();
  const silent = account.unpairedResponse === 'silent';
  await deps.activity.append({ ...base, kind: 'pairing', detail: silent ? `request ${result.code} recorded; silent mode, nothing sent` : `request ${result.code} created; code sent` });
  if (silent || !decision.replyTarget) return;
  const target = decision.replyTarget;
  const chatKey = decision.chatId ? `chat:${decision.chatId}` : `dm:${decision.senderNormalized}`;
  rt.enqueueTask(chatKey, async () => {
    try {
      await rt.send(target, [pairingReplyText(decision.senderNormalized, result.code)], { isGroup: decision.chatType === 'group', chatId: decision.chatId, sender: decision.senderId });
    } catch (err) {
      await deps.activity.append({ ...base, kind: 'pairing', detail: `pairing reply failed: ${(err as Error).message}` });
    }
  });
}
