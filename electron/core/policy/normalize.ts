// Handle normalization (channel spec §7): the one canonical form used for allowFrom, sessions,
// pairing ids and self-chat detection.

/** Service prefixes a handle may carry (lower-case, matched case-insensitively). */
export const SERVICE_PREFIXES = ['imessage:', 'sms:', 'auto:'] as const;

/** Chat-target prefix spellings, each mapped to its canonical spelling. */
export const CHAT_PREFIX_SPELLINGS: ReadonlyArray<readonly [spelling: string, canonical: ChatPrefix]> = [
  ['chat_id:', 'chat_id:'],
  ['chatid:', 'chat_id:'],
  ['chat:', 'chat_id:'],
  ['chat_guid:', 'chat_guid:'],
  ['chatguid:', 'chat_guid:'],
  ['guid:', 'chat_guid:'],
  ['chat_identifier:', 'chat_identifier:'],
  ['chatidentifier:', 'chat_identifier:'],
  ['chatident:', 'chat_identifier:'],
];

/** Canonical chat-target prefixes. */
export type ChatPrefix = 'chat_id:' | 'chat_guid:' | 'chat_identifier:';

const WHITESPACE = /\s/;

/** True when `text` has `prefix` (lower-case) at `index`, compared case-insensitively. */
export function hasPrefixAt(text: string, prefix: string, index = 0): boolean {
  if (text.length - index < prefix.length) return false;
  return text.slice(index, index + prefix.length).toLowerCase() === prefix;
}

/** The service prefix `text` starts with at `index`, if any. */
export function servicePrefixAt(text: string, index = 0): string | undefined {
  return SERVICE_PREFIXES.find((p) => hasPrefixAt(text, p, index));
}

/** The chat prefix spelling `text` starts with, and its canonical form, if any. */
export function chatPrefixOf(text: string): { spelling: string; canonical: ChatPrefix } | undefined {
  const hit = CHAT_PREFIX_SPELLINGS.find(([spelling]) => hasPrefixAt(text, spelling));
  return hit ? { spelling: hit[0], canonical: hit[1] } : undefined;
}

/**
 * Trim and strip every leading service prefix, iteratively (spec §0.6: upstream recursed and
 * overflowed the stack on 5 000 nested prefixes). Index arithmetic keeps it linear in length.
 */
export function stripServicePrefixes(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (end > start && WHITESPACE.test(raw.charAt(end - 1))) end--;
  for (;;) {
    while (start < end && WHITESPACE.test(raw.charAt(start))) start++;
    const prefix = servicePrefixAt(raw, start);
    if (!prefix) break;
    start += prefix.length;
  }
  return raw.slice(start, end);
}

/**
 * E.164-ish form: drop a leading `scheme:`, keep only digits and `+`, ensure a leading `+`.
 * Kept quirk (§7): `abc` → `+`, `chat123` → `+123`, `*` → `+`.
 */
export function normalizePhoneish(text: string): string {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:/i, '').trim();
  const kept = withoutScheme.replace(/[^\d+]/g, '');
  return kept.startsWith('+') ? kept : `+${kept}`;
}

/** Canonical handle (§7): service prefixes off, chat prefixes canonical, emails lower-case, phones E.164-ish. */
export function normalizeHandle(raw: string): string {
  const text = stripServicePrefixes(raw);
  if (!text) return '';
  const chat = chatPrefixOf(text);
  if (chat) return `${chat.canonical}${text.slice(chat.spelling.length).trim()}`;
  if (text.includes('@')) return text.toLowerCase();
  return normalizePhoneish(text);
}
