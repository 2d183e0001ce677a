// Group policy resolution (channel spec §11): sender gate, chat allowlist, group-ish threads.
// §0.2: sender filtering admits any group when `groups` is unset.
import { normalizeAllowEntries } from '../config/cross-field.js';
import type { GroupEntry } from '../config/schema.js';
import { findAllowMatch, type AllowEntry, type SenderFacts } from './allow-from.js';

/** The group policies of §6. */
export type GroupPolicy = 'open' | 'allowlist' | 'disabled';


/** The `groups` map keyed by numeric chat_id string or `*`. */
export type GroupsMap = Readonly<Record<string, GroupEntry>>;

/** The chat allowlist as it applies to one chat. */
export interface ChatAllowlist {
  /** groupPolicy is allowlist or some groups entry exists. */
  readonly active: boolean;
  readonly allowed: boolean;
  /** The chat's own entry (exact key match, §11). */
  readonly entry?: GroupEntry;
  /** The `*` entry. */
  readonly wildcard?: GroupEntry;
  /** §0.2: admitted by sender filtering because no groups map exists. */
  readonly senderFilterBypass: boolean;
}

/** True when a groups map has at least one entry; `{}` counts as unset. */
export function hasGroupEntries(groups: GroupsMap | undefined): boolean {
  return groups !== undefined && Object.keys(groups).length > 0;
}

/** Own entry of a chat: keys are the numeric chat_id string, matched exactly ("chat_id:42" never matches). */
export function ownEntry(groups: GroupsMap | undefined, chatId: number | undefined): GroupEntry | undefined {
  if (!groups || chatId === undefined) return undefined;
  const key = String(chatId);
  return Object.hasOwn(groups, key) ? groups[key] : undefined;
}

/** The `*` entry, if any. */
export function starEntry(groups: GroupsMap | undefined): GroupEntry | undefined {
  return groups && Object.hasOwn(groups, '*') ? groups['*'] : undefined;
}

/** Resolve the chat allowlist for one chat (§11 step 7, with the §0.2 bypass). */
export function resolveChatAllowlist(input: {
  readonly groupPolicy: GroupPolicy;
  readonly groups: GroupsMap | undefined;
  readonly chatId: number | undefined;
  readonly effectiveGroupAllowFrom: readonly AllowEntry[];
}): ChatAllowlist {
  const { groupPolicy, groups } = input;
  const entry = ownEntry(groups, input.chatId);
  const wildcard = starEntry(groups);
  const active = groupPolicy === 'allowlist' || hasGroupEntries(groups);
  const senderFilterBypass = groupPolicy === 'allowlist' && !hasGroupEntries(groups) && input.effectiveGroupAllowFrom.length > 0;
  let allowed: boolean;
  if (groupPolicy === 'disabled') allowed = false;
  else if (!active) allowed = true;
  else allowed = entry !== undefined || wildcard !== undefined || senderFilterBypass;
  return { active, allowed, entry, wildcard, senderFilterBypass };
}

/** Group detection (§10 step 2): `is_group`, or an active allowlist with an explicit entry for this chat_id. */
export function isGroupThread(isGroupFlag: boolean | undefined, allowlist: ChatAllowlist): boolean {
  return isGroupFlag === true || (allowlist.active && allowlist.entry !== undefined);
}

/** Outcome of the group sender gate. */
export type GroupSenderDecision = { readonly allowed: true; readonly detail: string } | { readonly allowed: false; readonly reason: string; readonly detail: string };

/**
 * Group sender gate (§11): disabled blocks, open admits, allowlist needs a matching non-empty list.
 * `listName` names the list in the trace: `groupAllowFrom`, or the chat's own `groups["<id>"].allowFrom`.
 */
export function decideGroupSender(input: { readonly groupPolicy: GroupPolicy; readonly effectiveGroupAllowFrom: readonly AllowEntry[]; readonly facts: SenderFacts; readonly listName?: string }): GroupSenderDecision {
  const { groupPolicy, facts } = input;
  const list = input.listName ?? 'groupAllowFrom';
  if (groupPolicy === 'disabled') return { allowed: false, reason: 'groupPolicy disabled', detail: 'group messages are disabled (groupPolicy "disabled")' };
  if (groupPolicy === 'open' && input.listName === undefined) return { allowed: true, detail: 'groupPolicy "open" lets every group member in' };
  if (input.effectiveGroupAllowFrom.length === 0) {
    if (input.listName !== undefined) return { allowed: false, reason: 'not in groupAllowFrom', detail: `${list} is empty, so nobody may trigger the bot in this chat` };
    return { allowed: false, reason: 'groupPolicy allowlist (empty groupAllowFrom)', detail: 'groupPolicy "allowlist" but groupAllowFrom (and allowFrom) is empty' };
  }
  const match = findAllowMatch(input.effectiveGroupAllowFrom, facts);
  if (match === undefined) return { allowed: false, reason: 'not in groupAllowFrom', detail: `sender ${facts.sender} is not in ${list}` };
  return { allowed: true, detail: `sender ${facts.sender} is allowed by ${list} entry "${match}"` };
}

/** The chat's own `allowFrom` (it replaces groupAllowFrom for that chat), with the key that set it. */
export function chatAllowFrom(chats: ChatAllowlist, chatId: number | undefined): { list: string[]; name: string } | undefined {
  const own = chats.entry?.allowFrom;
  return own === undefined ? undefined : { list: normalizeAllowEntries(own), name: `groups["${chatId}"].allowFrom` };
}
