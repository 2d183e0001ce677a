// Inline directive tags (channel spec §18): `[[reply_to:<id>]]`, `[[reply_to_current]]` and
// `[[audio_as_voice]]` steer delivery and must never reach the phone as text.
import { findCodeRegions, isInside } from '../policy/code-regions.js';

const DIRECTIVE_RE = /[ \t]*\[\[\s*(?:audio_as_voice|reply_to_current|reply_to\s*:\s*[^\]\n]+)\s*\]\][ \t]*/gi;

/**
 * Remove directive tags outside code. A tag between two words leaves one space; a tag alone on
 * its line takes the line with it (the reference collapses all surrounding whitespace into one
 * space, which merged paragraphs). The result is trimmed when anything was removed.
 */
export function stripDirectiveTags(text: string): string {
  if (!text.includes('[[')) return text;
  const regions = findCodeRegions(text);
  let out = '';
  let cursor = 0;
  for (const match of text.matchAll(DIRECTIVE_RE)) {
    const start = match.index;
    let end = start + match[0].length;
    if (isInside(start + match[0].search(/\[/), regions)) continue;
    const before = text[start - 1];
    const after = text[end];
    const lineStart = before === undefined || before === '\n';
    const lineEnd = after === undefined || after === '\n' || after === '\r';
    let replacement = '';
    if (lineStart && lineEnd) {
      if (after === '\r' && text[end + 1] === '\n') end += 2;
      else if (after !== undefined) end += 1;
      // Between two blank lines, drop one of them too, so a paragraph break stays one break.
      if (before === '\n' && text[start - 2] === '\n' && text[end] === '\n') end += 1;
    } else if (!lineStart && !lineEnd) {
      replacement = ' ';
    }
    out += text.slice(cursor, start) + replacement;
    cursor = end;
  }
  if (cursor === 0) return text;
  return (out + text.slice(cursor)).trim();
}
