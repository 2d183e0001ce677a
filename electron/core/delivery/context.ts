// The inbound context (channel spec §13): the one object an agent backend receives for a
// dispatched message. The `webhook` and `command` backends send it as JSON, so it is a plain
// object of strings, numbers, booleans and arrays; absent optional fields are left out.
//
// The fields (InboundContext):
// - `Body`: the envelope (`[iMessage <from> <time>] …`), after the pending-history block for groups (§15).
// - `BodyForAgent`, `RawBody`, `CommandBody`: the message text (or `<media:…>` placeholder) alone.
// - `From`: `imessage:group:<chat_id>` or `imessage:<raw sender>`. `To`/`OriginatingTo`: where the
//   answer goes, `chat_id:<n>` for groups, else `imessage:<raw sender>`.
// - `SessionKey`, `AccountId`, `AgentId`; `Provider`, `Surface`, `OriginatingChannel`: always `imessage`.
// - `ChatType`: `direct` | `group`; `ConversationLabel`: the header's `<from>`;
//   `GroupSubject` (chat name) and `GroupMembers` (participants joined with `, `) for groups.
// - `SenderName`: the normalized sender; `SenderId`: the raw sender; `MessageSid`: the imsg row id;
//   `Timestamp`: created_at in epoch ms.
// - `ReplyToId`, `ReplyToBody`, `ReplyToSender`: the quoted message, when kept by the policy.
// - `WasMentioned`, `CommandAuthorized`: from the decision.
// - `MediaPath`/`MediaType`/`MediaUrl` (first attachment), `MediaPaths`/`MediaTypes`/`MediaUrls`
//   (all), `MediaRemoteHost` (paths live on that host): only when there are attachments.
// - `InboundHistory`: groups with a positive history limit: the pending entries, oldest first, as
//   `{sender, body, timestamp?, messageId?}`.
// Text fields have CRLF normalized to LF.
import { parseCreatedAt } from '../policy/decide-support.js';
import { buildPendingHistoryBody, type HistoryEntry } from '../policy/history.js';
import { formatChatTarget } from '../policy/targets.js';
import { mediaFields } from './context-media.js';
import type { InboundContext, InboundContextInput } from './context-types.js';
import { buildEnvelope, formatFromLabel, formatHistoryLine } from './envelope.js';

export type { ContextDecision, InboundContext, InboundContextInput, InboundHistoryEntry } from './context-types.js';
export type { InboundMedia } from './context-media.js';

const lf = (text: string): string => text.replace(/\r\n?/g, '\n');

/** Drop keys whose value is undefined, so the JSON form and the object agree. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The history entries that count: groups only, the last `historyLimit`. */
function pendingEntries(input: InboundContextInput): HistoryEntry[] | undefined {
  const limit = input.historyLimit ?? Number.POSITIVE_INFINITY;
  if (input.decision.chatType !== 'group' || !(limit > 0)) return undefined;
  const all = input.history ?? [];
  return all.slice(Math.max(0, all.length - limit));
}

/** Build the context of a dispatched message (§13); pure and JSON-serializable. */
export function buildInboundContext(input: InboundContextInput): InboundContext {
  const { message, decision } = input;
  const isGroup = decision.chatType === 'group';
  const fromLabel = formatFromLabel(message, decision);
  const envelope = buildEnvelope({ message, decision, options: input.envelope });
  const entries = pendingEntries(input);
  const body = buildPendingHistoryBody((entries ?? []).map((e) => formatHistoryLine(e, fromLabel, input.envelope)), envelope);
  const to = (isGroup ? formatChatTarget(decision.chatId) : '') || `imessage:${decision.senderId}`;
  const text = lf(decision.bodyText);
  const members = isGroup ? (message.participants ?? []).filter(Boolean).join(', ') : '';
  return compact<InboundContext>({
    Body: lf(body),
    BodyForAgent: text,
    RawBody: text,
    CommandBody: text,
    From: isGroup ? `imessage:group:${decision.chatId ?? 'unknown'}` : `imessage:${decision.senderId}`,
    To: to,
    OriginatingTo: to,
    SessionKey: decision.sessionKey ?? '',
    AccountId: input.accountId,
    AgentId: decision.agentId ?? undefined,
    Provider: 'imessage',
    Surface: 'imessage',
    OriginatingChannel: 'imessage',
    ChatType: decision.chatType,
    ConversationLabel: fromLabel,
    GroupSubject: isGroup ? message.chat_name?.trim() || undefined : undefined,
    GroupMembers: members || undefined,
    SenderName: decision.senderNormalized,
    SenderId: decision.senderId,
    MessageSid: message.id === undefined ? undefined : String(message.id),
    Timestamp: parseCreatedAt(message.created_at),
    ReplyToId: decision.replyContext?.id,
    ReplyToBody: decision.replyContext ? lf(decision.replyContext.body) : undefined,
    ReplyToSender: decision.replyContext?.sender,
    WasMentioned: decision.wasMentioned,
    CommandAuthorized: decision.commandAuthorized === true,
    ...mediaFields(input.media ?? decision.attachments.map((a) => ({ path: a.original_path ?? '', mimeType: a.mime_type })), input.remoteHost),
    InboundHistory: entries?.map((e) => compact({ sender: e.sender, body: lf(e.body), timestamp: e.timestamp, messageId: e.messageId })),
  });
}
