// The inbound envelope (channel spec §13): `[iMessage <from> <timestamp>] <body>`, the text the
// agent sees for one message, with the group sender prefix and the reply-context block.
import { parseCreatedAt } from '../policy/decide-support.js';
import type { InboundDecision, ReplyContext } from '../policy/decide-types.js';
import type { HistoryEntry } from '../policy/history.js';
import { formatElapsed, formatEnvelopeTimestamp, type EnvelopeTimeOptions } from './envelope-time.js';

/** The channel name in every header. */
export const ENVELOPE_CHANNEL = 'iMessage';

/** How headers are rendered (the reference's `agents.defaults.envelope*` options). */
export interface EnvelopeOptions extends EnvelopeTimeOptions {
  /** Default true; false drops the timestamp from headers. */
  readonly includeTimestamp?: boolean;
  /** The previous message's time (ms); adds ` +5m` after the sender when given. */
  readonly previousTimestamp?: number;
  /** Default true; false never adds the elapsed time. */
  readonly includeElapsed?: boolean;
}

/** The message fields the envelope reads (an ImsgMessage fits). */
export interface EnvelopeMessage {
  readonly chat_name?: string;
  readonly created_at?: string;
}

/** The decision fields the envelope reads. */
export type EnvelopeDecision = Pick<InboundDecision, 'chatType' | 'chatId' | 'senderId' | 'senderNormalized' | 'bodyText' | 'replyContext'>;

/** Input of {@link buildEnvelope}. */
export interface BuildEnvelopeInput {
  readonly message: EnvelopeMessage;
  readonly decision: EnvelopeDecision;
  readonly options?: EnvelopeOptions;
}

/** `<from>` (§13): groups `<chat_name or "Group"> id:<chat_id>`; DMs the normalized sender, plus ` id:<raw>` when it differs. */
export function formatFromLabel(message: EnvelopeMessage, decision: Pick<EnvelopeDecision, 'chatType' | 'chatId' | 'senderId' | 'senderNormalized'>): string {
  if (decision.chatType === 'group') {
    const label = message.chat_name?.trim() || 'Group';
    return `${label} id:${decision.chatId ?? 'unknown'}`;
  }
  const label = decision.senderNormalized.trim();
  const raw = decision.senderId.trim();
  return !raw || raw === label ? label : `${label} id:${raw}`;
}

/** A group sender's label: `name (id)` when the two differ, else whichever is set. */
export function formatSenderLabel(name: string | undefined, id?: string): string {
  const display = name?.trim() ?? '';
  const idPart = id?.trim() ?? '';
  if (display && idPart && display !== idPart) return `${display} (${idPart})`;
  return display || idPart;
}

/** The reply-context block appended to the body: blank line, `[Replying to …]`, the quote, `[/Replying]`. */
export function formatReplySuffix(reply: ReplyContext | undefined): string {
  if (!reply) return '';
  const id = reply.id ? ` id:${reply.id}` : '';
  return `\n\n[Replying to ${reply.sender ?? 'unknown sender'}${id}]\n${reply.body}\n[/Replying]`;
}

/** One envelope line: `[iMessage <from>[ +elapsed][ <timestamp>]] [<sender>: ]<body>`. */
export function formatEnvelopeLine(input: { from: string; body: string; timestamp?: number; senderLabel?: string; options?: EnvelopeOptions }): string {
  const options = input.options ?? {};
  const parts = [ENVELOPE_CHANNEL];
  const elapsed = options.includeElapsed !== false && input.timestamp !== undefined && options.previousTimestamp !== undefined ? formatElapsed(input.timestamp, options.previousTimestamp) : undefined;
  const from = input.from.trim();
  if (from) parts.push(elapsed ? `${from} +${elapsed}` : from);
  else if (elapsed) parts.push(`+${elapsed}`);
  const stamp = options.includeTimestamp !== false && input.timestamp !== undefined ? formatEnvelopeTimestamp(input.timestamp, options) : undefined;
  if (stamp) parts.push(stamp);
  const body = input.senderLabel ? `${input.senderLabel}: ${input.body}` : input.body;
  return `[${parts.join(' ')}] ${body}`;
}

/** The envelope of the current message (§13): header, group sender prefix, body and reply block. */
export function buildEnvelope(input: BuildEnvelopeInput): string {
  const { message, decision } = input;
  const isGroup = decision.chatType === 'group';
  return formatEnvelopeLine({
    from: formatFromLabel(message, decision),
    body: `${decision.bodyText}${formatReplySuffix(decision.replyContext)}`,
    timestamp: parseCreatedAt(message.created_at),
    senderLabel: isGroup ? formatSenderLabel(decision.senderNormalized, decision.senderId) || undefined : undefined,
    options: input.options,
  });
}

/** One pending-history line (§15): the chat's header, `<sender>: <body> [id:<messageId>]`; no elapsed time. */
export function formatHistoryLine(entry: HistoryEntry, fromLabel: string, options?: EnvelopeOptions): string {
  const id = entry.messageId ? ` [id:${entry.messageId}]` : '';
  return formatEnvelopeLine({
    from: fromLabel,
    body: `${entry.body}${id}`,
    timestamp: entry.timestamp,
    senderLabel: entry.sender.trim() || undefined,
    options: { ...options, previousTimestamp: undefined },
  });
}
