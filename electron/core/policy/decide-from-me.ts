// §10 steps 3–4 of the inbound decision: self-chat detection and is_from_me. Your own messages
// are dropped, except in your self-chat, where they are input unless they echo the agent.
import type { ImsgMessage } from '../imsg/message.js';
import { echoMatches } from './decide-support.js';
import type { DecideContext, InboundDecision } from './decide-types.js';
import type { DecisionDraft } from './draft.js';
import { echoScope } from './echo-cache.js';
import { normalizeHandle } from './normalize.js';
import type { SelfChatLookup } from './self-chat-cache.js';

/** Marker: a real self-chat message that passed; the later self-chat cache lookup is skipped. */
export interface SelfChatInput {
  readonly selfChat: true;
}

/**
 * Steps 3–4. Undefined when the message is not from me; a finished drop; or {@link SelfChatInput}
 * for a real self-chat message (already checked against the echo cache, so step 10 is skipped).
 */
export function checkFromMe(message: ImsgMessage, ctx: DecideContext, d: DecisionDraft, input: { readonly selfLookup: SelfChatLookup; readonly echoIds: readonly string[] }): InboundDecision | SelfChatInput | undefined {
  const { selfLookup } = input;
  const senderN = d.fields.senderNormalized;
  // Self-chat (DMs only): the thread is the sender's own; "real" when the destination is the sender too (#63980).
  const chatIdentN = normalizeHandle(message.chat_identifier ?? '');
  const destN = normalizeHandle(message.destination_caller_id ?? '');
  const ownThread = !selfLookup.isGroup && chatIdentN !== '' && chatIdentN === senderN;
  const realSelfChat = ownThread && destN !== '' && destN === senderN;
  if (message.is_from_me !== true) return undefined;
  const record = ctx.record !== false;
  if (ownThread && destN === '' && record) ctx.caches.selfChat.remember(selfLookup, ctx.now);
  if (!realSelfChat) return d.drop('from me', 'from me', 'the message was sent from this Mac’s own account (is_from_me)');
  if (record) ctx.caches.selfChat.remember(selfLookup, ctx.now);
  const scope = echoScope(selfLookup.accountId, selfLookup);
  // Rows without a guid only carry a row id that never equals a send's id: match by text instead.
  const skipIdShortCircuit = !message.guid?.trim();
  if ((selfLookup.text || input.echoIds.length > 0) && echoMatches(ctx.caches.echo, scope, { text: selfLookup.text, ids: input.echoIds, now: ctx.now, skipIdShortCircuit })) {
    return d.drop('agent echo in self-chat', 'from me', 'your self-chat shows a reply the agent just sent');
  }
  d.pass('from me', 'your own message in your self-chat: treated as input');
  return { selfChat: true };
}
