// Small pieces of the inbound decision (channel spec §10 steps 4, 11, 13, 15) kept out of decide.ts.
import type { ImsgMessage } from '../imsg/message.js';
import { isAllowed, type AllowEntry, type SenderFacts } from './allow-from.js';
import type { ReplyContext } from './decide-types.js';
import type { SentMessageCache } from './echo-cache.js';

/** `created_at` in ms, or undefined when absent or unparsable. */
export function parseCreatedAt(createdAt: string | undefined): number | undefined {
  if (!createdAt) return undefined;
  const ms = Date.parse(createdAt);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The inbound ids an echo can be recognized by: the row id, then the guid (deduplicated). */
export function inboundEchoIds(message: ImsgMessage): string[] {
  const ids: string[] = [];
  if (message.id !== undefined) ids.push(String(message.id));
  const guid = message.guid?.trim();
  if (guid && !ids.includes(guid)) ids.push(guid);
  return ids;
}

/** Echo lookup (§10 step 11, §12): any id alone, then the text with the first id. */
export function echoMatches(cache: SentMessageCache, scope: string, input: { text: string; ids: readonly string[]; now: number; skipIdShortCircuit?: boolean }): boolean {
  if (input.ids.some((messageId) => cache.has(scope, { messageId }, input.now))) return true;
  if (!input.text && input.ids.length === 0) return false;
  return cache.has(scope, { text: input.text || undefined, messageId: input.ids[0] }, input.now, { skipIdShortCircuit: input.skipIdShortCircuit });
}

/** A trimmed non-empty string, a number as text, else undefined. */
function field(value: string | number | undefined): string | undefined {
  if (typeof value === 'number') return String(value);
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The quoted message (§10 step 13): needs `reply_to_text`; id and sender are optional. */
export function readReplyContext(message: ImsgMessage): ReplyContext | undefined {
  const body = field(message.reply_to_text);
  if (!body) return undefined;
  return { body, id: field(message.reply_to_id), sender: field(message.reply_to_sender) };
}

/**
 * Whether a group keeps the quote (§10 step 13): only `contextVisibility: "allowlist"` with a
 * non-empty groupAllowFrom filters, and then the quoted sender must be allowed.
 */
export function keepsReplyContext(input: { isGroup: boolean; contextVisibility: string; groupAllowFrom: readonly AllowEntry[]; reply: ReplyContext; facts: SenderFacts }): boolean {
  if (!input.isGroup || input.groupAllowFrom.length === 0) return true;
  if (input.contextVisibility === 'all' || input.contextVisibility === 'allowlist_quote') return true;
  if (!input.reply.sender) return false;
  return isAllowed(input.groupAllowFrom, { ...input.facts, sender: input.reply.sender });
}

/**
 * commandAuthorized (§10 step 15): the sender is in the owner list (configured allowFrom for
 * groups, config + store for DMs) or in the effective groupAllowFrom; empty lists never count;
 * `commands.useAccessGroups: false` authorizes everyone.
 */
export function isCommandAuthorized(input: { useAccessGroups?: boolean; ownerList: readonly AllowEntry[]; groupAllowFrom: readonly AllowEntry[]; facts: SenderFacts }): boolean {
  if (input.useAccessGroups === false) return true;
  return [input.ownerList, input.groupAllowFrom].some((list) => list.length > 0 && isAllowed(list, input.facts));
}

/** A short quoted preview of user text for trace details. */
export function preview(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
