// Parameters of one imsg `send` request (channel spec §18), built without I/O so the CLI can show
// them (`send --dry-run --json`) exactly as the bridge would send them.
import type { ResolvedAccount } from '../config/accounts.js';
import { formatChatTarget, parseTarget, type ImsgTarget } from '../policy/targets.js';
import { stripDirectiveTags } from './directives.js';
import { mimeFromPath, outboundMediaPlaceholder } from './media.js';

/** Longest `reply_to` id passed on (§18). */
export const MAX_REPLY_TO_LENGTH = 256;

/** The account fields a send depends on. */
export type SendAccount = Pick<ResolvedAccount, 'service' | 'region'>;

/** Input of {@link buildSendParams}. */
export interface SendParamsInput {
  /** A §7 target string or an already parsed target. */
  readonly target: string | ImsgTarget;
  readonly text?: string;
  /** Local file to attach (already checked with checkOutboundMedia). */
  readonly file?: string;
  /** MIME type of `file`; guessed from its extension when absent. */
  readonly mime?: string;
  /** Message id this send replies to. */
  readonly replyTo?: string;
  readonly account: SendAccount;
  /** A chat id that replaces `target` (pairing replies, §18); 0 and NaN are ignored. */
  readonly chatIdOverride?: number;
  /** Region for phone-number normalization; falls back to the account, then `US`. */
  readonly region?: string;
}

/** A `send` request as the RPC client sends it. */
export interface SendRequest {
  readonly method: 'send';
  readonly params: Record<string, unknown>;
}

/** Characters dropped from reply ids: C0/C1 controls, DEL and brackets (they leaked tag garbage, #61705). */
const UNSAFE_REPLY_CHARS = /[\u0000-\u001f\u007f-\u009f[\]]/g;

/** `reply_to` as sent: trimmed, unsafe characters removed, ≤ 256 code points; undefined when empty. */
export function sanitizeReplyTo(raw: string | undefined): string | undefined {
  const cleaned = (raw ?? '').trim().replace(UNSAFE_REPLY_CHARS, '').trim();
  if (!cleaned) return undefined;
  const points = Array.from(cleaned);
  return points.length > MAX_REPLY_TO_LENGTH ? points.slice(0, MAX_REPLY_TO_LENGTH).join('') : cleaned;
}

/** The parsed target: the chat-id override wins over the target string (§18); throws §7 errors. */
export function resolveSendTarget(target: string | ImsgTarget, chatIdOverride?: number): ImsgTarget {
  const override = formatChatTarget(chatIdOverride);
  if (override) return parseTarget(override);
  return typeof target === 'string' ? parseTarget(target) : target;
}

/** Where the request goes: exactly one of chat_id, chat_guid, chat_identifier or to (the handle as given). */
function targetParams(target: ImsgTarget): Record<string, unknown> {
  switch (target.kind) {
    case 'chat_id':
      return { chat_id: target.chatId };
    case 'chat_guid':
      return { chat_guid: target.chatGuid };
    case 'chat_identifier':
      return { chat_identifier: target.chatIdentifier };
    case 'handle':
      return { to: target.to };
  }
}

/**
 * Params of one `send` (§18): directive tags stripped from the text; a captionless file gets the
 * `<media:…>` placeholder; `service` is the handle's own (chat targets use the account's, else
 * `auto`); `region` input → account → `US`. Throws the §7 target errors, and
 * `iMessage send requires text or media` when there is nothing to send.
 */
export function buildSendParams(input: SendParamsInput): Record<string, unknown> {
  const target = resolveSendTarget(input.target, input.chatIdOverride);
  const file = input.file?.trim() || undefined;
  let text = stripDirectiveTags(input.text ?? '');
  if (file && !text.trim()) {
    text = outboundMediaPlaceholder(input.mime?.trim() ? input.mime : mimeFromPath(file)) ?? '';
  }
  if (!text.trim() && !file) throw new Error('iMessage send requires text or media');
  const params: Record<string, unknown> = {
    text,
    service: target.kind === 'handle' ? target.service : (input.account.service ?? 'auto'),
    region: input.region?.trim() || input.account.region?.trim() || 'US',
  };
  if (file) params.file = file;
  Object.assign(params, targetParams(target));
  const replyTo = sanitizeReplyTo(input.replyTo);
  if (replyTo) params.reply_to = replyTo;
  return params;
}
