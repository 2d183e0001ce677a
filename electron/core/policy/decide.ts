// The inbound decision (channel spec §10), in the exact reference order: answer, drop (with the
// reason string), or start pairing. Pure: caches are passed in and only written when `record`.
import type { ImsgMessage } from '../imsg/message.js';
import { isControlCommand } from './commands.js';
import { checkAccess, type AccessResult } from './decide-access.js';
import { checkAddressing } from './decide-addressing.js';
import { echoMatches, parseCreatedAt, preview } from './decide-support.js';
import type { DecideContext, InboundDecision } from './decide-types.js';
import { DecisionDraft } from './draft.js';
import { echoScope } from './echo-cache.js';
import { resolveInboundBody } from './inbound-body.js';
import { LOOP_COUNTED_REASONS, LOOP_LIMITED_REASON, loopKey } from './loop-limiter.js';
import { buildMentionMatcher, resolveMentionPatterns } from './mentions.js';
import { normalizeHandle } from './normalize.js';
import { detectReflection } from './reflection.js';
import { conversationPeer, resolveAgentRoute } from './route.js';
import { inboundSessionKey } from './session-key.js';
import { formatChatTarget } from './targets.js';

export type { DecideContext, InboundDecision, TraceStep } from './decide-types.js';

/** Decide one inbound message (§10), then apply the echo-loop limiter around it. */
export function decideInbound(message: ImsgMessage, ctx: DecideContext): InboundDecision {
  const verdict = decideCore(message, ctx);
  const key = loopKey(ctx.account.accountId, message.chat_id, verdict.senderId);
  if (verdict.decision === 'drop' && verdict.reason !== null && LOOP_COUNTED_REASONS.has(verdict.reason)) {
    // Our decision (not the reference's): the is_from_me copy of a reply we just sent is the
    // expected echo, not a loop — counting it paused every chat with 5 replies a minute.
    if (verdict.reason === 'from me' && isOwnReply(message, ctx, verdict)) {
      verdict.steps.push({ step: 'loop limiter', outcome: 'info', detail: 'this is the copy of a reply the assistant just sent; not counted as an echo loop' });
      verdict.ownReplyCopy = true;
    } else if (ctx.record !== false) ctx.caches.loop.record(key, ctx.now);
  } else if (verdict.reason === 'missing sender' && message.is_from_me === true && message.is_group === true && isOwnReply(message, ctx, { ...verdict, chatType: 'group' })) {
    // In a group, the Messages copy of our reply has no sender: it is still our reply, not a stranger's drop.
    verdict.steps.push({ step: 'own reply', outcome: 'info', detail: 'this is the copy of a reply the assistant just sent' });
    verdict.ownReplyCopy = true;
  } else if (verdict.decision === 'dispatch' && ctx.caches.loop.isLimited(key, ctx.now)) {
    verdict.steps.push({ step: 'loop limiter', outcome: 'drop', detail: 'this conversation produced 5 echo drops within 60 s; answers are paused until it calms down' });
    return { ...verdict, decision: 'drop', reason: LOOP_LIMITED_REASON, replyTarget: undefined };
  }
  return verdict;
}

/** True when an is_from_me row matches a send of ours in that conversation (by guid/id or text). */
function isOwnReply(message: ImsgMessage, ctx: DecideContext, verdict: InboundDecision): boolean {
  const scope = echoScope(ctx.account.accountId, { isGroup: verdict.chatType === 'group', chatId: message.chat_id, sender: verdict.senderId });
  const ids = [message.guid, message.id === undefined ? undefined : String(message.id)].filter((x): x is string => typeof x === 'string' && x !== '');
  return echoMatches(ctx.caches.echo, scope, { text: (message.text ?? '').trim(), ids, now: ctx.now, skipIdShortCircuit: ids.length === 0 });
}

/** §10 pre-steps (body), then steps 1–17. */
function decideCore(message: ImsgMessage, ctx: DecideContext): InboundDecision {
  const body = resolveInboundBody(message, ctx.account);
  const sender = (message.sender ?? '').trim();
  const d = new DecisionDraft({
    senderId: sender,
    senderNormalized: normalizeHandle(sender),
    chatId: message.chat_id,
    bodyText: body.bodyText,
    isControlCommand: isControlCommand(body.text),
    attachments: [...body.attachments],
  });
  const createdAt = parseCreatedAt(message.created_at);
  const access = checkAccess(message, ctx, d, body.bodyText, createdAt);
  if ('decision' in access) return access;
  return checkContent(message, ctx, d, { ...access, text: body.text, bodyText: body.bodyText, createdAt });
}

/** §10 steps 8–12 and 17: route, body, self-chat/echo/reflection; then addressing; then dispatch. */
function checkContent(message: ImsgMessage, ctx: DecideContext, d: DecisionDraft, a: AccessResult & { text: string; bodyText: string; createdAt: number | undefined }): InboundDecision {
  const { account, config, now } = ctx;
  const { isGroup } = a;
  const chatId = message.chat_id;
  const peer = conversationPeer({ chatType: isGroup ? 'group' : 'direct', chatId, senderNormalized: d.fields.senderNormalized }, message);
  const route = resolveAgentRoute(config, account.accountId, peer, ctx.chatBindings);
  d.agentId = route.agentId;
  d.sessionKey = inboundSessionKey(config, { agentId: route.agentId, accountId: account.accountId, peer });
  const patterns = resolveMentionPatterns(config, route.agentId);
  const matcher = buildMentionMatcher(patterns.patterns);
  const skipped = matcher.skipped.map((s) => `; skipped pattern ${JSON.stringify(s.pattern)}: ${s.reason}`).join('');
  const bound = route.binding ? ` ${route.binding.source === 'chat' ? 'made in this chat' : 'from the config'}: ${route.binding.id}${route.binding.label ? ` "${route.binding.label}"` : ''}` : '';
  d.info('route', `agent "${route.agentId}" (${route.matchedBy}${bound}), session ${d.sessionKey}${skipped}`);

  if (!a.bodyText) return d.drop('empty body', 'body', 'the message has no text and no usable attachment');
  if (!a.skipSelfChatLookup && ctx.caches.selfChat.has(a.selfLookup, now)) {
    return d.drop('self-chat echo', 'self-chat echo', 'second copy of a message you just sent to yourself');
  }
  if (a.text || a.echoIds.length > 0) {
    const scope = echoScope(account.accountId, { isGroup, chatId, sender: d.fields.senderId });
    if (echoMatches(ctx.caches.echo, scope, { text: a.bodyText, ids: a.echoIds, now })) {
      return d.drop('echo', 'echo', `the agent just sent this message here: ${preview(a.bodyText)}`);
    }
  }
  const markers = detectReflection(a.text);
  if (markers.length > 0) return d.drop('reflected assistant content', 'reflection', `the text contains assistant-internal markup (${markers.join(', ')})`);
  d.pass('content', 'not an echo of the agent’s own output');

  const stop = checkAddressing(message, ctx, d, { ...a, regexes: matcher.regexes });
  if (stop) return stop;

  d.fields.historyKey = isGroup ? String(chatId) : undefined;
  d.fields.replyTarget = isGroup ? formatChatTarget(chatId) : `imessage:${d.fields.senderId}`;
  d.pass('verdict', isGroup ? `answer in group chat ${chatId}` : `answer ${d.fields.senderId}`);
  return d.finish('dispatch', null);
}
