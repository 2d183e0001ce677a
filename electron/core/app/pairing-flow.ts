// A `pairing` decision: create or refresh the request, reply with the code (unless silent), tell the UI.
import type { ImsgMessage } from '../imsg/message.js';
import { pairingReplyText } from '../pairing/index.js';
import { contactNameOf } from '../pairing/contact-name.js';
import type { InboundDecision } from '../policy/decide-types.js';
import type { AccountRuntime } from './account-runtime.js';
import { activityFromDecision, preview } from './activity-shape.js';

/** Where a text to a pairing sender goes: their chat when known (§9), else their handle. */
export interface PairingPeer {
  readonly target: string;
  readonly sender: string;
  readonly senderNormalized: string;
  readonly chatId?: number;
}

/**
 * Queue `text` to a pairing sender behind their chat's other sends. Without `done` a failure is
 * logged, not thrown; with it, `done` hears how the send ended (undefined: sent) and does both.
 * False when the queue refused the task (full): nothing will be sent.
 */
export function sendToPairingPeer(rt: AccountRuntime, peer: PairingPeer, text: string, what: string, done?: (error: Error | undefined) => Promise<void>): boolean {
  const chatKey = peer.chatId ? `chat:${peer.chatId}` : `dm:${peer.senderNormalized}`;
  return rt.enqueueTask(chatKey, async () => {
    let error: Error | undefined;
    try {
      await rt.send(peer.target, [text], { isGroup: false, chatId: peer.chatId, sender: peer.sender });
    } catch (err) {
      error = err as Error;
    }
    if (done) await done(error);
    else if (error) await rt.deps.activity.append({ accountId: rt.account.accountId, kind: 'pairing', sender: peer.sender, detail: `${what} failed: ${error.message}` });
  });
}

/** Handle a message whose decision is `pairing` (§9 + §0.3). */
export async function handlePairing(rt: AccountRuntime, message: ImsgMessage, decision: InboundDecision): Promise<void> {
  const { deps, account } = rt;
  const base = activityFromDecision(account.accountId, message, decision);
  // The trace's pairing step says what actually happened (code sent, waiting, already pending…).
  const record = (outcome: string) =>
    deps.activity.append({ ...base, kind: 'pairing', detail: outcome, steps: decision.steps.map((s) => (s.outcome === 'pairing' ? { ...s, detail: `${s.detail.split('; ')[0]}; ${outcome}` } : s)) });
  const firstText = preview(message.text);
  const contactName = contactNameOf(message);
  let result;
  try {
    result = await deps.pairing.upsertRequest({
      accountId: account.accountId,
      senderId: decision.senderNormalized,
      meta: {
        sender: decision.senderId,
        ...(decision.chatId ? { chatId: String(decision.chatId) } : {}),
        chatType: decision.chatType,
        ...(message.chat_name ? { chatName: message.chat_name } : {}),
        ...(firstText ? { firstText } : {}),
        ...(contactName ? { contactName } : {}),
      },
    });
  } catch (err) {
    await deps.activity.append({ ...base, kind: 'pairing', detail: `pairing request not stored: ${(err as Error).message}` });
    return;
  }
  if (!result.created) {
    let why = 'a request is already pending; no new code sent';
    if (result.blocked) why = 'sender is blocked; ignored';
    else if (result.waiting) why = `waiting, limit reached: 3 requests are pending, so no code was sent yet; they get one when a slot frees (messages while waiting: ${result.waiting.count})`;
    if (result.waiting) deps.changed();
    await record(why);
    return;
  }
  if (result.request) deps.pairingCreated(result.request);
  deps.changed();
  const silent = account.unpairedResponse === 'silent';
  await record(silent ? `request ${result.code} recorded; silent mode, nothing sent` : `request ${result.code} created; code sent`);
  if (silent || !decision.replyTarget) return;
  const peer = { target: decision.replyTarget, sender: decision.senderId, senderNormalized: decision.senderNormalized, chatId: decision.chatId };
  sendToPairingPeer(rt, peer, pairingReplyText(decision.senderNormalized, result.code), 'pairing reply');
}
