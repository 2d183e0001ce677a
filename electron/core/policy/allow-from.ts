// allowFrom normalization and matching (channel spec §8), and the effective DM/group lists.
import { normalizeAllowEntries } from '../config/cross-field.js';
import { chatPrefixOf, normalizeHandle, stripServicePrefixes } from './normalize.js';

/** One configured allowFrom entry: a handle, a chat target, `*`, or a bare number. */
export type AllowEntry = string | number;

/** What an allowFrom entry stands for once parsed. */
export type AllowTarget =
  | { readonly kind: 'chat_id'; readonly chatId: number }
  | { readonly kind: 'chat_guid'; readonly chatGuid: string }
  | { readonly kind: 'chat_identifier'; readonly chatIdentifier: string }
  | { readonly kind: 'handle'; readonly handle: string };

/** The message facts an allowFrom entry can match against. */
export interface SenderFacts {
  readonly sender: string;
  readonly chatId?: number;
  readonly chatGuid?: string;
  readonly chatIdentifier?: string;
}

/** Parse one entry (§8): service prefixes off; valid chat targets stay chat targets; the rest is a normalized handle. */
export function parseAllowTarget(entry: string): AllowTarget {
  const text = stripServicePrefixes(entry);
  const chat = chatPrefixOf(text);
  if (chat) {
    const value = text.slice(chat.spelling.length).trim();
    if (chat.canonical === 'chat_id:') {
      const chatId = Number.parseInt(value, 10);
      if (Number.isFinite(chatId)) return { kind: 'chat_id', chatId };
    } else if (value && chat.canonical === 'chat_guid:') {
      return { kind: 'chat_guid', chatGuid: value };
    } else if (value) {
      return { kind: 'chat_identifier', chatIdentifier: value };
    }
  }
  // Invalid chat targets fall through to handle comparison, as in the reference.
  return { kind: 'handle', handle: normalizeHandle(text) };
}

/** True when one parsed entry admits the message. */
function targetMatches(target: AllowTarget, facts: SenderFacts, normalizedSender: string): boolean {
  switch (target.kind) {
    case 'chat_id':
      return facts.chatId !== undefined && facts.chatId === target.chatId;
    case 'chat_guid':
      return facts.chatGuid !== undefined && facts.chatGuid === target.chatGuid;
    case 'chat_identifier':
      return facts.chatIdentifier !== undefined && facts.chatIdentifier === target.chatIdentifier;
    case 'handle':
      return target.handle === normalizedSender;
  }
}

/** The entry that admits the message (`*` included), or undefined. An empty list denies (§8). */
export function findAllowMatch(list: readonly AllowEntry[] | undefined, facts: SenderFacts): string | undefined {
  const entries = normalizeAllowEntries(list);
  if (entries.includes('*')) return '*';
  const normalizedSender = normalizeHandle(facts.sender);
  return entries.find((entry) => targetMatches(parseAllowTarget(entry), facts, normalizedSender));
}

/** True when the list admits the message (§8). */
export function isAllowed(list: readonly AllowEntry[] | undefined, facts: SenderFacts): boolean {
  return findAllowMatch(list, facts) !== undefined;
}

/**
 * Effective group list (§8): the configured groupAllowFrom, or — only when it is unset —
 * allowFrom. An explicit empty groupAllowFrom stays empty.
 */
export function effectiveGroupAllowFrom(allowFrom: readonly AllowEntry[] | undefined, groupAllowFrom: readonly AllowEntry[] | undefined): string[] {
  return groupAllowFrom === undefined ? normalizeAllowEntries(allowFrom) : normalizeAllowEntries(groupAllowFrom);
}

/** Effective DM list (§8): config plus approved senders from the pairing store, unless dmPolicy is allowlist. */
export function effectiveDmAllowFrom(allowFrom: readonly AllowEntry[] | undefined, storeAllowFrom: readonly string[], dmPolicy: string): string[] {
  const configured = normalizeAllowEntries(allowFrom);
  if (dmPolicy === 'allowlist') return configured;
  return [...configured, ...normalizeAllowEntries(storeAllowFrom)];
}
