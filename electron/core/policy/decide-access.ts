// §10 steps 1–7 of the inbound decision: sender, group detection, self-chat and is_from_me,
// chat_id, access (DM or group sender gate) and the chat allowlist.
import type { ImsgMessage } from '../imsg/message.js';
import { effectiveDmAllowFrom, effectiveGroupAllowFrom, type SenderFacts } from './allow-from.js';
import { inboundEchoIds } from './decide-support.js';
import { checkFromMe } from './decide-from-me.js';
import { PAIRING_REASON, type DecideContext, type InboundDecision } from './decide-types.js';
import { decideDm } from './dm-policy.js';
import type { DecisionDraft } from './draft.js';
import { chatAllowFrom, decideGroupSender, isGroupThread, resolveChatAllowlist } from './group-policy.js';
import type { SelfChatLookup } from './self-chat-cache.js';
import { formatChatTarget } from './targets.js';

/** What steps 1–7 established for the later steps. */
export interface AccessResult {
  readonly isGroup: boolean;
  readonly facts: SenderFacts;
  readonly groupAllowFrom: string[];
  readonly dmAllowFrom: string[];
  readonly selfLookup: SelfChatLookup;
  /** A real self-chat message already checked against the echo cache (step 10 is skipped). */
  readonly skipSelfChatLookup: boolean;
  readonly echoIds: string[];
}

/** Run steps 1–7; returns a finished decision when the message stops here. */
export function checkAccess(message: ImsgMessage, ctx: DecideContext, d: DecisionDraft, bodyText: string, createdAt: number | undefined): InboundDecision | AccessResult {
  const { account } = ctx;
  const sender = d.fields.senderId;
  const senderN = d.fields.senderNormalized;
  const chatId = message.chat_id;
  if (!sender) return d.drop('missing sender', 'sender', 'the message has no sender');
  d.pass('sender', senderN === sender ? `from ${sender}` : `from ${sender} (normalized ${senderN})`);

  const facts: SenderFacts = { sender, chatId, chatGuid: message.chat_guid, chatIdentifier: message.chat_identifier };
  const baseGroupAllowFrom = effectiveGroupAllowFrom(account.allowFrom, account.groupAllowFrom);
  const chats = resolveChatAllowlist({ groupPolicy: account.groupPolicy, groups: account.groups, chatId, effectiveGroupAllowFrom: baseGroupAllowFrom });
  // A chat's own groups["<id>"].allowFrom replaces groupAllowFrom for that chat (OpenClaw docs).
  const own = chatAllowFrom(chats, chatId);
  const groupAllowFrom = own?.list ?? baseGroupAllowFrom;
  const isGroup = isGroupThread(message.is_group, chats);
  d.chatType = isGroup ? 'group' : 'direct';
  if (message.is_group === true) d.info('chat type', `group chat ${chatId ?? '(no chat_id)'}`);
  else if (isGroup) d.info('chat type', `treated as a group: groups has an entry for chat ${chatId} although is_group is false`);
  else d.info('chat type', 'direct message');

  const selfLookup: SelfChatLookup = { accountId: account.accountId, isGroup, chatId, sender, text: bodyText, createdAt };
  const echoIds = inboundEchoIds(message);
  const fromMe = checkFromMe(message, ctx, d, { selfLookup, echoIds });
  if (fromMe && 'decision' in fromMe) return fromMe;
  const skipSelfChatLookup = fromMe !== undefined;

  if (isGroup && !chatId) return d.drop('group without chat_id', 'chat id', 'a group message without a chat_id cannot be answered');

  const dmAllowFrom = effectiveDmAllowFrom(account.allowFrom, ctx.storeAllowFrom, account.dmPolicy);
  if (isGroup) {
    const gate = decideGroupSender({ groupPolicy: account.groupPolicy, effectiveGroupAllowFrom: groupAllowFrom, facts, ...(own && { listName: own.name }) });
    if (!gate.allowed) return d.drop(gate.reason, 'group access', gate.detail);
    d.pass('group access', gate.detail);
    if (chats.active && !chats.allowed) {
      return d.drop('group id not in allowlist', 'group allowlist', `chat ${chatId} has no entry in groups (and there is no "*" entry)`);
    }
    d.pass('group allowlist', describeChatAllowlist(chats, chatId));
  } else {
    const dm = decideDm({ dmPolicy: account.dmPolicy, allowFrom: dmAllowFrom, facts, blocked: ctx.blocked });
    if (dm.outcome === 'drop') return d.drop(dm.reason, 'dm access', dm.detail);
    if (dm.outcome === 'pairing') {
      const reply = account.unpairedResponse === 'silent' ? 'the request waits for approval without a reply (unpairedResponse "silent")' : 'a new request gets a pairing code in reply (while fewer than 3 requests are pending; else it waits for a free slot)';
      d.steps.push({ step: 'dm access', outcome: 'pairing', detail: `${dm.detail}; ${reply}` });
      d.fields.replyTarget = formatChatTarget(chatId) || sender;
      return d.finish('pairing', PAIRING_REASON);
    }
    d.pass('dm access', dm.detail);
  }
  return { isGroup, facts, groupAllowFrom, dmAllowFrom, selfLookup, skipSelfChatLookup, echoIds };
}

/** Plain words for why the chat allowlist let a group through. */
function describeChatAllowlist(chats: ReturnType<typeof resolveChatAllowlist>, chatId: number | undefined): string {
  if (!chats.active) return 'no chat allowlist applies (groupPolicy "open" and no groups entries)';
  if (chats.entry) return `chat ${chatId} has its own entry in groups`;
  if (chats.wildcard) return 'groups has a "*" entry that admits every chat';
  return 'groups is not configured, so the sender filter (groupAllowFrom) decides';
}
