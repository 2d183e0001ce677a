// Maps a policy decision onto an activity log entry.
import type { InboundDecision } from '../policy/decide-types.js';
import type { ActivityInput } from './activity-log.js';

const PREVIEW_CHARS = 160;

/** A short single-line preview of message text for the activity view. */
export function preview(text: unknown): string | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}

/** The `inbound` activity entry for a decision on `message`. */
export function activityFromDecision(accountId: string, message: { id?: unknown; guid?: unknown; chat_id?: unknown; text?: unknown }, d: InboundDecision): ActivityInput {
  return {
    accountId,
    kind: 'inbound',
    decision: d.decision,
    reason: d.reason,
    messageId: typeof message.id === 'number' ? message.id : undefined,
    guid: typeof message.guid === 'string' && message.guid !== '' ? message.guid : undefined,
    chatId: d.chatId ?? (typeof message.chat_id === 'number' ? message.chat_id : undefined),
    chatType: d.chatType,
    sender: d.senderId || undefined,
    preview: preview(message.text),
    sessionKey: d.sessionKey,
    agentId: d.agentId,
    steps: d.steps,
    ...(d.ownReplyCopy ? { ownReplyCopy: true } : {}),
  };
}
