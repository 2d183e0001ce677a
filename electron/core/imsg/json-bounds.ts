// Bounds on untrusted JSON text, checked before JSON.parse: a payload nested thousands of levels
// deep parses fine but makes every later JSON.stringify (the reply journal) throw.

/** Deepest nesting of arrays/objects accepted in one line from imsg (real payloads use < 10). */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of `text` exceeds `max`: a linear scan that skips string contents, so it
 * costs about as much as the parse it guards. Malformed text is left for JSON.parse to reject.
 */
export function exceedsJsonDepth(text: string, max = MAX_JSON_DEPTH): boolean {
  // Fast path (every real line): with at most `max` opening brackets in all, no nesting can be deeper.
  if (countUpTo(text, '{', max + 1) + countUpTo(text, '[', max + 1) <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Occurrences of `ch` in `text`, counting stops at `limit` (native indexOf: far cheaper than a char loop). */
function countUpTo(text: string, ch: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1 && n < limit; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
