// `length` chunk mode (channel spec §16): windows of `limit` UTF-16 units, broken at the last
// newline outside parentheses, else the last whitespace outside parentheses, else hard-broken.
//
// This is the reference's paren-aware `chunkText`. The reference's generic outbound chunker
// (`chunkTextForOutbound`, used by its CLI and message tool) has no parenthesis awareness and
// does not break at tabs; we use this one chunker for replies and CLI sends alike, so a
// `send --dry-run` shows exactly how an agent reply of the same text would be split.

// Made on first use: building a Segmenter loads ICU data (~7 ms), which every app start paid.
let graphemes: Intl.Segmenter | undefined;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Last newline (index > 0 counts) and last other whitespace in `window`, both outside parentheses. */
function parenAwareBreaks(window: string): { lastNewline: number; lastWhitespace: number } {
  let lastNewline = -1;
  let lastWhitespace = -1;
  let depth = 0;
  for (let i = 0; i < window.length; i++) {
    const char = window[i] as string;
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1); // a stray `)` is ignored
    else if (depth === 0 && char === '\n') lastNewline = i;
    else if (depth === 0 && /\s/.test(char)) lastWhitespace = i;
  }
  return { lastNewline, lastWhitespace };
}

/**
 * Where a hard break at `limit` may cut `text` without splitting a grapheme (an emoji ZWJ
 * sequence, a flag, a letter with combining marks): the last grapheme boundary in (0, limit].
 * A single grapheme longer than `limit` is cut at a code-point boundary instead, and a single
 * astral code point is never split even when `limit` is 1 (a lone surrogate would reach the
 * phone as U+FFFD).
 */
export function safeHardBreak(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  let best = 0;
  // A boundary depends on what precedes it and the next code point (up to 2 units): limit+2 suffices.
  for (const { index } of (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text.slice(0, limit + 2))) {
    if (index > limit) break;
    best = index;
  }
  if (best > 0) return best;
  let cut = limit;
  if (isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) cut--;
  return cut > 0 ? cut : 2;
}

/** Split `text` in `length` mode (§16); whitespace-only text gives no chunks at all. */
export function chunkByLength(text: string, limit: number): string[] {
  if (!text || text.trim() === '') return [];
  if (!Number.isFinite(limit) || limit < 1 || text.length <= limit) return [text];
  limit = Math.floor(limit);
  const chunks: string[] = [];
  let remaining = text;
  while (remaining.length > limit) {
    const { lastNewline, lastWhitespace } = parenAwareBreaks(remaining.slice(0, limit));
    let breakAt = lastNewline > 0 ? lastNewline : lastWhitespace;
    if (breakAt <= 0) breakAt = safeHardBreak(remaining, limit);
    const chunk = remaining.slice(0, breakAt).trimEnd();
    if (chunk) chunks.push(chunk);
    // A whitespace separator is consumed; a hard break keeps every character.
    const separator = breakAt < remaining.length && /\s/.test(remaining[breakAt] as string);
    remaining = remaining.slice(breakAt + (separator ? 1 : 0)).trimStart();
  }
  if (remaining) chunks.push(remaining);
  return chunks;
}
