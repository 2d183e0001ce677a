// The one chunker for every outbound path (channel spec §16): agent replies and CLI sends both
// go through `chunkText`, in `length` or `newline` mode.
import { findCodeRegions, isInside, type CodeRegion } from '../policy/code-regions.js';
import { chunkByLength } from './chunk-length.js';

/** How text is split: by length only, or at blank lines first (§16). */
export type ChunkMode = 'length' | 'newline';

/** The limit when neither the caller nor the account sets a positive one (§16). */
export const DEFAULT_CHUNK_LIMIT = 4000;

/** Options of {@link chunkText}. */
export interface ChunkOptions {
  /** Maximum UTF-16 units per chunk; non-positive means "do not split by length". */
  readonly limit: number;
  /** Default `length`. */
  readonly mode?: ChunkMode;
}

/** The first positive limit among the candidates (caller override, account), else 4000. */
export function resolveChunkLimit(...candidates: ReadonlyArray<number | undefined>): number {
  const hit = candidates.find((n) => typeof n === 'number' && Number.isFinite(n) && n >= 1);
  return hit === undefined ? DEFAULT_CHUNK_LIMIT : Math.floor(hit);
}

/** Fenced code blocks only: a blank line inside a fence is code, not a paragraph break. */
function fenceRegions(text: string): CodeRegion[] {
  // findCodeRegions also returns inline spans; a fence always starts a line with ``` or ~~~.
  return findCodeRegions(text).filter((r) => (r.start === 0 || text[r.start - 1] === '\n') && /^ {0,3}(?:`{3}|~{3})/.test(text.slice(r.start, r.start + 6)));
}

/**
 * `newline` mode (§16): CRLF normalized, split at blank-line runs outside fenced code, one chunk
 * per paragraph (never packed together); a paragraph over the limit goes through length mode.
 */
export function chunkByParagraph(text: string, limit: number): string[] {
  if (!text || text.trim() === '') return [];
  if (!Number.isFinite(limit) || limit < 1) return [text];
  const normalized = text.replace(/\r\n?/g, '\n');
  if (!/\n[\t ]*\n/.test(normalized)) return chunkByLength(normalized, limit);
  const fences = fenceRegions(normalized);
  const parts: string[] = [];
  let start = 0;
  for (const match of normalized.matchAll(/\n[\t ]*\n+/g)) {
    if (isInside(match.index, fences)) continue;
    parts.push(normalized.slice(start, match.index));
    start = match.index + match[0].length;
  }
  parts.push(normalized.slice(start));
  return parts.map((p) => p.trimEnd()).filter((p) => p.trim() !== '').flatMap((p) => chunkByLength(p, limit));
}

/** Split outbound text into the messages to send (§16); empty or whitespace-only text gives `[]`. */
export function chunkText(text: string, options: ChunkOptions): string[] {
  return options.mode === 'newline' ? chunkByParagraph(text, options.limit) : chunkByLength(text, options.limit);
}
