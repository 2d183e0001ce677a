// §10 steps 13–16 of the inbound decision: reply context, mention check, control commands and
// the mention gate (which keeps skipped group messages as pending history, §15).
import { pendingHistoryLimit } from '../config/accounts.js';
import type { ImsgMessage } from '../imsg/message.js';
import type { AccessResult } from './decide-access.js';
import { isCommandAuthorized, keepsReplyContext, preview, readReplyContext } from './decide-support.js';
import type { DecideContext, InboundDecision } from './decide-types.js';
import type { DecisionDraft } from './draft.js';
import { resolveRequireMention } from './group-settings.js';
import { findMention } from './mentions.js';

/** What the addressing steps need besides the access result. */
export type AddressingInput = AccessResult & { readonly text: string; readonly bodyText: string; readonly createdAt: number | undefined; readonly regexes: readonly RegExp[] };

/** Run steps 13–16; returns a finished decision when the message stops here, else undefined. */
export function checkAddressing(message: ImsgMessage, ctx: DecideContext, d: DecisionDraft, a: AddressingInput): InboundDecision | undefined {
  const { account, config } = ctx;
  const { isGroup, facts } = a;
  const chatId = message.chat_id;
  const reply = readReplyContext(message);
  if (reply) {
    const keep = keepsReplyContext({ isGroup, contextVisibility: account.contextVisibility, groupAllowFrom: a.groupAllowFrom, reply, facts });
    if (keep) d.fields.replyContext = reply;
    d.info('reply context', keep ? `quotes ${reply.sender ?? 'an unknown sender'}: ${preview(reply.body)}` : `quote from ${reply.sender ?? 'an unknown sender'} hidden (contextVisibility "allowlist")`);
  }

  const regexes = a.regexes;
  const mention = isGroup ? findMention(a.text, regexes) : undefined;
  d.wasMentioned = !isGroup || mention !== undefined;
  const mentionRule = isGroup ? resolveRequireMention({ groups: account.groups, chatId }) : { requireMention: false, source: 'direct message' };
  d.commandAuthorized = isCommandAuthorized({ useAccessGroups: config.commands?.useAccessGroups, ownerList: isGroup ? account.allowFrom : a.dmAllowFrom, groupAllowFrom: a.groupAllowFrom, facts });
  if (isGroup) d.info('mention', mention ? `mentioned (pattern /${mention.source}/)` : regexes.length === 0 ? 'no mention patterns configured' : `no pattern matched ${preview(a.text)}`);
  if (d.fields.isControlCommand) {
    if (isGroup && !d.commandAuthorized) return d.drop('control command (unauthorized)', 'command', `${preview(a.text)} is a control command and ${d.fields.senderId} may not use commands here`);
    d.info('command', `${preview(a.text)} is a control command (${d.commandAuthorized ? 'authorized' : 'not authorized'})`);
  }

  if (isGroup && mentionRule.requireMention) {
    if (regexes.length === 0) d.pass('mention gate', 'group requires a mention but no mention patterns exist, so it cannot be enforced');
    else if (d.wasMentioned) d.pass('mention gate', 'group requires a mention and the message has one');
    else if (d.fields.isControlCommand && d.commandAuthorized) {
      d.wasMentioned = true;
      d.pass('mention gate', 'an authorized control command does not need a mention');
    } else return dropNoMention(message, ctx, d, a);
  } else if (isGroup) d.pass('mention gate', `no mention required (${mentionRule.source})`);

  return undefined;
}

/** §10 step 16: a gated group message without a mention is kept as pending history, then dropped. */
function dropNoMention(message: ImsgMessage, ctx: DecideContext, d: DecisionDraft, a: { bodyText: string; createdAt: number | undefined; text: string }): InboundDecision {
  const chatKey = String(message.chat_id);
  const limit = pendingHistoryLimit(ctx.config, ctx.account);
  const entry = { sender: d.fields.senderNormalized, body: a.bodyText, timestamp: a.createdAt, messageId: message.id !== undefined ? String(message.id) : undefined };
  d.fields.pendingHistory = { chatKey, entry, limit };
  d.fields.historyKey = chatKey;
  if (ctx.record !== false) ctx.caches.history?.record(chatKey, entry, limit);
  return d.drop('no mention', 'mention gate', `group requires a mention; no pattern matched ${preview(a.text)}`);
}
