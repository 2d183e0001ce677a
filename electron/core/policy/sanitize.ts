// Outbound sanitizer (channel spec §12), applied to every reply before chunking: model-internal
// scaffolding must never reach a phone.
import { findCodeRegions, isInside } from './code-regions.js';

const TAG_RE = /<\s*(\/\s*)?(think(?:ing)?|thought|antthinking|relevant[-_]memories|final)\b[^<>]*>/gi;
const SEPARATOR_RE = /(?:#\+){2,}#?/g;
const ROLE_MARKER_RE = /\bassistant\s+to\s*=\s*\w+/gi;
const ROLE_LINE_RE = /^[ \t]*(?:user|assistant|system)[ \t]*:[ \t]*$/gim;

type Family = 'thinking' | 'memories' | 'final';

function familyOf(name: string): Family {
  const lower = name.toLowerCase();
  if (lower === 'final') return 'final';
  return lower.startsWith('relevant') ? 'memories' : 'thinking';
}

/** Remove thinking/memory blocks with their content and final tags without it; code is left alone. */
export function stripInternalTags(text: string): string {
  const regions = findCodeRegions(text);
  const cuts: Array<[number, number]> = [];
  let open: { family: Family; start: number } | undefined;
  for (const match of text.matchAll(TAG_RE)) {
    if (isInside(match.index, regions)) continue;
    const closing = match[1] !== undefined;
    const family = familyOf(match[2] ?? '');
    const end = match.index + match[0].length;
    if (open) {
      if (closing && family === open.family) {
        cuts.push([open.start, end]);
        open = undefined;
      }
    } else if (family === 'final' || closing) {
      cuts.push([match.index, end]);
    } else {
      open = { family, start: match.index };
    }
  }
  // An unclosed thinking block hides everything after it: better silent than leaking reasoning.
  if (open) cuts.push([open.start, text.length]);
  let out = text;
  for (const [start, end] of cuts.reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}

/** Sanitize a reply (§12): strip tags, `#+#+` runs, `assistant to=X`, role lines; collapse blank runs; trim. */
export function sanitizeOutbound(text: string): string {
  if (!text) return '';
  return stripInternalTags(text)
    .replace(SEPARATOR_RE, '')
    .replace(ROLE_MARKER_RE, '')
    .replace(ROLE_LINE_RE, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
