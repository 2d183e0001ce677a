// Maps a policy decision onto an activity log entry.
import type { InboundDecision } from '../policy/decide-types.js';
import type { ActivityInput } from './activity-log.js';

const PREVIEW_CHARS = 160;
/** Longer inbound texts are cut in the log (a message row shows this much). */
const FULL_TEXT_CHARS = 4000;

/** A short single-line preview of message text for the activity view. */
export function preview(text: unknown): string | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}

/** The `inbound` activity entry for a decision on `message`. */
export function activityFromDecision(accountId: string, message: { id?: unknown; guid?: unknown; chat_id?: unknown; text?: unknown; chat_name?: unknown; participants?: unknown }, d: InboundDecision): ActivityInput {
  const short = preview(message.text);
  const group = d.chatType === 'group';
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
    preview: short,
    // The full text only when the preview is not it already (most messages are short).
    ...(typeof message.text === 'string' && message.text !== short && message.text !== '' && { text: message.text.slice(0, FULL_TEXT_CHARS) }),
    ...(group && typeof message.chat_name === 'string' && message.chat_name !== '' && { chatName: message.chat_name.slice(0, 200) }),
    ...(group && Array.isArray(message.participants) && { participants: message.participants.filter((p): p is string => typeof p === 'string') }),
    sessionKey: d.sessionKey,
    agentId: d.agentId,
    steps: d.steps,
    ...(d.ownReplyCopy ? { ownReplyCopy: true } : {}),
  };
}
