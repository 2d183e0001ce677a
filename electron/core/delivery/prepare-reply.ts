// The reply pipeline (channel spec §16): what an agent's raw answer becomes before it is sent.
import type { ResolvedAccount } from '../config/accounts.js';
import { sanitizeOutbound } from '../policy/sanitize.js';
import { chunkText, resolveChunkLimit } from './chunk.js';
import { stripDirectiveTags } from './directives.js';
import { applyResponsePrefix, resolveResponsePrefix, type PrefixContext } from './prefix.js';

/** Input of {@link prepareReply} besides the text. */
export interface PrepareReplyOptions extends PrefixContext {
  readonly account: Pick<ResolvedAccount, 'responsePrefix' | 'textChunkLimit' | 'chunkMode'>;
}

/**
 * sanitize (§12) → strip directive tags (§18) → responsePrefix → chunk, giving the texts to send
 * in order; an answer with nothing left to say gives `[]` (send nothing, not even the prefix).
 */
export function prepareReply(rawAgentText: string, options: PrepareReplyOptions): string[] {
  const text = stripDirectiveTags(sanitizeOutbound(rawAgentText ?? ''));
  if (!text.trim()) return [];
  const prefixed = applyResponsePrefix(text, resolveResponsePrefix(options.account.responsePrefix, options));
  return chunkText(prefixed, { limit: resolveChunkLimit(options.account.textChunkLimit), mode: options.account.chunkMode });
}
