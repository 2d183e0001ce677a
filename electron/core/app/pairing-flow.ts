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

/** Where a text to a stored sender goes (a request, an owed note): their chat (§9) when `chatId` names one, else their handle. */
export function storedPeer(id: string, sender: string, chatId: string | undefined): PairingPeer {
  const chat = Number(chatId);
  const valid = Number.isInteger(chat) && chat > 0;
  return { target: valid ? `chat_id:${chat}` : id, sender, senderNormalized: id, ...(valid && { chatId: chat }) };
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
  const peer: PairingPeer | undefined = decision.replyTarget ? { target: decision.replyTarget, sender: decision.senderId, senderNormalized: decision.senderNormalized, chatId: decision.chatId } : undefined;
  if (!result.created && !result.blocked && !result.waiting && peer && result.request?.meta.codeUndelivered !== undefined) {
    // Their first code never reached them (imsg failed then): this message is the retry.
    sendPairingCode(rt, peer, result.code, record, 'a request is already pending; its code had not reached them', true);
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
  if (account.unpairedResponse === 'silent') return void (await record(`request ${result.code} recorded; silent mode, nothing sent`));
  if (!peer) return void (await record(`request ${result.code} created; no chat to send the code to`));
  sendPairingCode(rt, peer, result.code, record, `request ${result.code} created`);
}

/**
 * Send a pairing code, then `record` what happened ("code sent" only once imsg took it). A failed
 * send is kept with the request: the sender's next message while it is pending sends it again.
 * `undelivered`: the request already carries that mark (this is the resend).
 */
export function sendPairingCode(rt: AccountRuntime, peer: PairingPeer, code: string, record: (outcome: string) => Promise<unknown>, what: string, undelivered = false): void {
  const done = async (error: Error | undefined): Promise<void> => {
    // Kept with the request (not in memory): a restart in between still resends it. The store is
    // written (under its lock) only when the mark changes, not after every code that went out.
    if (Boolean(error) !== undelivered) await rt.deps.pairing.setCodeDelivered(rt.account.accountId, peer.senderNormalized, !error).catch(() => undefined);
    await record(error ? `${what}; code not sent (${error.message}): it is sent when they write again` : `${what}; code sent`);
  };
  if (!sendToPairingPeer(rt, peer, pairingReplyText(peer.senderNormalized, code), 'pairing reply', done)) void done(new Error('the reply queue is full'));
}
