// A whole outbound send as the list of imsg `send` requests it becomes (channel spec §16, §18):
// one request per chunk, the file riding on the first. The CLI's `send --dry-run --json` prints it.
import type { ResolvedAccount } from '../config/accounts.js';
import type { ImsgTarget } from '../policy/targets.js';
import { chunkText, resolveChunkLimit, type ChunkMode } from './chunk.js';
import { stripDirectiveTags } from './directives.js';
import { buildSendParams, resolveSendTarget, type SendRequest } from './send-params.js';

/** Input of {@link planSend}. */
export interface SendPlanInput {
  readonly target: string | ImsgTarget;
  readonly text?: string;
  readonly file?: string;
  readonly mime?: string;
  readonly replyTo?: string;
  readonly account: Pick<ResolvedAccount, 'accountId' | 'service' | 'region' | 'textChunkLimit' | 'chunkMode'>;
  /** Overrides the account's chunk mode. */
  readonly chunkMode?: ChunkMode;
  /** Overrides the account's textChunkLimit when positive. */
  readonly limit?: number;
  readonly chatIdOverride?: number;
  readonly region?: string;
}

/** What `send --dry-run --json` prints. */
export interface SendPlanDocument {
  readonly account: string;
  readonly requests: readonly SendRequest[];
}

/**
 * The `send` requests for one outbound message: the text (directive tags stripped) is chunked
 * with the same chunker replies use; with a file, the file goes with the first request, whose
 * text is the first chunk or the `<media:…>` placeholder. Every request carries `reply_to`.
 * Throws the §7 target errors, or `iMessage send requires text or media`.
 */
export function planSend(input: SendPlanInput): SendRequest[] {
  const target = resolveSendTarget(input.target, input.chatIdOverride);
  const limit = resolveChunkLimit(input.limit, input.account.textChunkLimit);
  const chunks = chunkText(stripDirectiveTags(input.text ?? ''), { limit, mode: input.chunkMode ?? input.account.chunkMode });
  const base = { target, mime: input.mime, replyTo: input.replyTo, account: input.account, region: input.region };
  const file = input.file?.trim() || undefined;
  if (chunks.length === 0) {
    // Nothing but (maybe) a file: buildSendParams applies the placeholder or throws.
    return [{ method: 'send', params: buildSendParams({ ...base, file }) }];
  }
  return chunks.map((text, i) => ({ method: 'send', params: buildSendParams({ ...base, text, file: i === 0 ? file : undefined }) }));
}

/** The `{account, requests}` document of a planned send. */
export function sendPlanDocument(accountId: string, requests: readonly SendRequest[]): SendPlanDocument {
  return { account: accountId, requests };
}
