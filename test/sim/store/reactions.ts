// Tapbacks (spec §4.7): decoding reaction rows and aggregating the current reactions of a message.
import { appleNsToIso } from '../db/apple-time.js';
import { messageSelect, queryMessages, rowSender, rowText, type MessageRow } from './message-rows.js';
import type { Store } from './open-store.js';

const STANDARD: readonly (readonly [string, string])[] = [
  ['love', '❤️'],
  ['like', '👍'],
  ['dislike', '👎'],
  ['laugh', '😂'],
  ['emphasis', '‼️'],
  ['question', '❓'],
];

/** What a reaction row means; `type`/`emoji` are absent when the row is undecodable. */
export interface ReactionKind {
  readonly isAdd: boolean;
  readonly type?: string;
  readonly emoji?: string;
}

/** True for associated_message_type 2000–3006 (the rows history and watch exclude). */
export function isReactionRow(row: MessageRow): boolean {
  return row.associatedType >= 2000 && row.associatedType <= 3006;
}

/** `p:0/GUID` → `GUID` (the part after the last `/`). */
export function normalizeAssociatedGuid(guid: string): string {
  return guid.slice(guid.lastIndexOf('/') + 1);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Custom tapback emoji: between `Reacted ` and ` to `, else the first emoji-property character (digits count). */
export function customEmoji(text: string): string | undefined {
  const m = /Reacted (.+?) to /su.exec(text);
  if (m?.[1]) return m[1];
  for (const { segment } of segmenter.segment(text)) {
    if (/\p{Emoji}/u.test(segment)) return segment;
  }
  return undefined;
}

/** Decode a reaction row (2000–2006 add, 3000–3006 remove; 2006/3006 custom emoji). */
export function reactionKind(row: MessageRow): ReactionKind {
  const t = row.associatedType;
  const isAdd = t < 3000;
  const index = isAdd ? t - 2000 : t - 3000;
  const standard = STANDARD[index];
  if (standard) return { isAdd, type: standard[0], emoji: standard[1] };
  if (index === 6) {
    const emoji = customEmoji(rowText(row));
    return emoji !== undefined ? { isAdd, type: 'custom', emoji } : { isAdd };
  }
  return { isAdd };
}

/** One entry of a message's `reactions` array. */
interface Reaction {
  id: number;
  type: string;
  emoji: string;
  sender: string;
  is_from_me: boolean;
  created_at: string;
}

/** Reaction rows that target `guid` (exact or `…/guid`), oldest first. */
function reactionRowsFor(store: Store, guid: string): MessageRow[] {
  const sql = `${messageSelect(store, 'LEFT JOIN')}
    WHERE (m.associated_message_guid = ? OR substr(m.associated_message_guid, -length(?) - 1) = '/' || ?)
      AND m.associated_message_type BETWEEN 2000 AND 3006
    ORDER BY m.date ASC, m.ROWID ASC`;
  // A reaction joined to two chats must count once.
  const seen = new Set<number>();
  return queryMessages(store, sql, [guid, guid, guid]).filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Current reactions on the message `guid`: adds replace the same sender+type, removes delete it. */
export function aggregateReactions(store: Store, guid: string): Reaction[] {
  if (!store.schema.reactions || guid === '') return [];
  let current: Reaction[] = [];
  for (const row of reactionRowsFor(store, guid)) {
    const kind = reactionKind(row);
    const sender = rowSender(row);
    const same = (r: Reaction): boolean => r.sender === sender && r.is_from_me === row.fromMe && r.type === kind.type;
    if (kind.isAdd) {
      if (kind.type === undefined || kind.emoji === undefined) continue;
      current = current.filter((r) => !same(r));
      current.push({ id: row.id, type: kind.type, emoji: kind.emoji, sender, is_from_me: row.fromMe, created_at: appleNsToIso(row.date) });
    } else if (kind.type !== undefined) {
      current = current.filter((r) => !(same(r) && (kind.type !== 'custom' || r.emoji === kind.emoji)));
    } else if (row.associatedType === 3006) {
      current = current.filter((r) => !(r.sender === sender && r.is_from_me === row.fromMe && r.type === 'custom'));
    }
  }
  return current;
}
