// Shapes of the inbound decision (channel spec §10): what decideInbound takes and returns.
import type { ResolvedAccount } from '../config/accounts.js';
import type { AppConfig } from '../config/schema.js';
import type { ImsgAttachment } from '../imsg/message.js';
import type { SentMessageCache } from './echo-cache.js';
import type { GroupHistory, HistoryEntry } from './history.js';
import type { LoopLimiter } from './loop-limiter.js';
import type { ConversationBinding } from './route.js';
import type { SelfChatCache } from './self-chat-cache.js';

/** One line of the decision trace, in words a user understands. */
export interface TraceStep {
  step: string;
  outcome: 'pass' | 'drop' | 'pairing' | 'info';
  detail: string;
}

/** The quoted message a reply refers to (§10 step 13). */
export interface ReplyContext {
  id?: string;
  body: string;
  sender?: string;
}

/** A pending-history entry for a group message dropped for lack of a mention (§15). */
export interface PendingHistoryRecord {
  /** Chat key (the chat_id string) the entry belongs to. */
  chatKey: string;
  entry: HistoryEntry;
  /** The history limit it was (or would be) recorded with. */
  limit: number;
}

/** The verdict on one inbound message. */
export interface InboundDecision {
  decision: 'dispatch' | 'drop' | 'pairing';
  /** The §10 reason string for drops; {@link PAIRING_REASON} for pairing; null for dispatch. */
  reason: string | null;
  chatType: 'direct' | 'group';
  sessionKey: string | null;
  agentId: string | null;
  wasMentioned: boolean;
  commandAuthorized: boolean;
  steps: TraceStep[];
  /** The raw sender, trimmed (§13 SenderId). */
  senderId: string;
  /** The normalized sender: the pairing request id (§9) and the DM peer. */
  senderNormalized: string;
  chatId?: number;
  bodyText: string;
  isControlCommand: boolean;
  /** Where an answer goes: `chat_id:<n>` for groups and for pairing replies with a chat_id, else the handle. */
  replyTarget?: string;
  /** Groups: the pending-history key the caller prepends and clears on dispatch (§15). */
  historyKey?: string;
  /** Set on a `no mention` drop: the entry recorded (or, with record:false, that would be). */
  pendingHistory?: PendingHistoryRecord;
  /** The quoted message kept for the agent, if any. */
  replyContext?: ReplyContext;
  /** Attachments that passed the §19 checks (empty unless includeAttachments). */
  attachments: ImsgAttachment[];
  /** A `from me` drop that is the is_from_me copy of a reply the assistant just sent. */
  ownReplyCopy?: boolean;
}

/** The caches the decision reads and (unless `record` is false) writes. */
export interface DecisionCaches {
  echo: SentMessageCache;
  selfChat: SelfChatCache;
  loop: LoopLimiter;
  history?: GroupHistory;
}

/** Everything the decision depends on besides the message; no I/O happens inside. */
export interface DecideContext {
  account: ResolvedAccount;
  config: AppConfig;
  /** Approved senders from the pairing store (read errors count as empty, §10). */
  storeAllowFrom: readonly string[];
  /** The sender is blocked in the pairing store (§0.3). */
  blocked?: boolean;
  caches: DecisionCaches;
  /** Clock, in ms. */
  now: number;
  /** Conversation bindings made from the chat (`/acp spawn … --bind here`); they route first. */
  chatBindings?: readonly ConversationBinding[];
  /** false = explain: read the caches, never write them. Default true. */
  record?: boolean;
}

/** Reason reported with a `pairing` decision (our choice; the reference returns no string). */
export const PAIRING_REASON = 'pairing required';
