// Shapes of the inbound context (channel spec §13): what buildInboundContext takes and returns.
import type { ImsgMessage } from '../imsg/message.js';
import type { InboundDecision } from '../policy/decide-types.js';
import type { HistoryEntry } from '../policy/history.js';
import type { InboundMedia, MediaContextFields } from './context-media.js';
import type { EnvelopeOptions } from './envelope.js';

/** One pending group message in {@link InboundContext.InboundHistory}. */
export interface InboundHistoryEntry {
  sender: string;
  body: string;
  timestamp?: number;
  messageId?: string;
}

/** What an agent backend receives (§13); every field is listed in context.ts's header. */
export interface InboundContext extends MediaContextFields {
  Body: string;
  BodyForAgent: string;
  RawBody: string;
  CommandBody: string;
  From: string;
  To: string;
  OriginatingTo: string;
  SessionKey: string;
  AccountId: string;
  AgentId?: string;
  Provider: 'imessage';
  Surface: 'imessage';
  OriginatingChannel: 'imessage';
  ChatType: 'direct' | 'group';
  ConversationLabel: string;
  GroupSubject?: string;
  GroupMembers?: string;
  SenderName: string;
  SenderId: string;
  MessageSid?: string;
  Timestamp?: number;
  ReplyToId?: string;
  ReplyToBody?: string;
  ReplyToSender?: string;
  WasMentioned: boolean;
  CommandAuthorized: boolean;
  InboundHistory?: InboundHistoryEntry[];
}

/** The decision fields the context reads. */
export type ContextDecision = Pick<InboundDecision, 'chatType' | 'chatId' | 'senderId' | 'senderNormalized' | 'bodyText' | 'replyContext' | 'sessionKey' | 'agentId' | 'wasMentioned' | 'commandAuthorized' | 'attachments'>;

/** Input of {@link buildInboundContext}. */
export interface InboundContextInput {
  readonly message: ImsgMessage;
  /** A `dispatch` decision for `message`. */
  readonly decision: ContextDecision;
  readonly accountId: string;
  /** Pending entries of the chat (`GroupHistory.entries(decision.historyKey)`), oldest first; groups only. */
  readonly history?: readonly HistoryEntry[];
  /** The §15 pending-history limit; 0 disables history. Default: no limit on `history`. */
  readonly historyLimit?: number;
  /** Attachments as the agent should see them (e.g. staged copies); default the decision's attachments. */
  readonly media?: readonly InboundMedia[];
  /** Set when attachment paths are on a remote Mac (§19). */
  readonly remoteHost?: string;
  readonly envelope?: EnvelopeOptions;
}
