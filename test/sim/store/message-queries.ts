// Message queries: history (newest first, filters before limit), watch polls, outbox, lookups by guid.
import { messageSelect, notReactionSql, queryMessages, type MessageRow } from './message-rows.js';
import type { Store } from './open-store.js';

/** History filters (spec §3.2); dates are Apple nanoseconds. */
export interface HistoryQuery {
  readonly chatId: number;
  readonly limit: number;
  readonly participants?: readonly string[];
  readonly start?: bigint;
  readonly end?: bigint;
}

/** SQL for the participants filter: sender handle, else destination_caller_id, case-insensitive. */
function participantsSql(store: Store, count: number): string {
  const marks = Array.from({ length: count }, () => '?').join(', ');
  const dci = store.schema.destinationCallerId ? "LOWER(IFNULL(m.destination_caller_id, ''))" : "''";
  return `AND (LOWER(IFNULL(h.id, '')) IN (${marks}) OR (IFNULL(h.id, '') = '' AND ${dci} IN (${marks})))`;
}

/** `messages.history`: reactions excluded, filters applied in SQL before the limit, newest first. */
export function historyRows(store: Store, q: HistoryQuery): MessageRow[] {
  const where: string[] = ['WHERE cmj.chat_id = ?', notReactionSql(store)];
  const params: unknown[] = [q.chatId];
  if (q.start !== undefined) {
    where.push('AND m.date >= ?');
    params.push(q.start);
  }
  if (q.end !== undefined) {
    where.push('AND m.date < ?');
    params.push(q.end);
  }
  const wanted = (q.participants ?? []).map((p) => p.toLowerCase());
  if (wanted.length > 0) {
    where.push(participantsSql(store, wanted.length));
    params.push(...wanted, ...wanted);
  }
  const sql = `${messageSelect(store, 'JOIN')} ${where.join(' ')} ORDER BY m.date DESC, m.ROWID DESC LIMIT ?`;
  return queryMessages(store, sql, [...params, Math.max(1, q.limit)]);
}

/** One watch poll: rows after `cursor` in ROWID order, at most `limit` (imsg uses 100). */
export function rowsAfter(
  store: Store,
  q: { readonly cursor: number; readonly chatId?: number; readonly includeReactions: boolean; readonly limit: number },
): MessageRow[] {
  const chatFilter = q.chatId !== undefined ? 'AND cmj.chat_id = ?' : '';
  const sql = `${messageSelect(store, q.chatId !== undefined ? 'JOIN' : 'LEFT JOIN')}
    WHERE m.ROWID > ? ${chatFilter} ${q.includeReactions ? '' : notReactionSql(store)}
    ORDER BY m.ROWID ASC LIMIT ?`;
  const params = q.chatId !== undefined ? [q.cursor, q.chatId, q.limit] : [q.cursor, q.limit];
  return queryMessages(store, sql, params);
}

/** Highest message ROWID (0 for an empty table): the watch cursor when `since_rowid` is omitted. */
export function maxRowId(store: Store): number {
  const row = store.db.prepare('SELECT IFNULL(MAX(ROWID), 0) AS max FROM message').get() as { max: number };
  return Number(row.max);
}

/** Outgoing rows (is_from_me = 1) after `since`, ascending ROWID: what `imsg-sim outbox` prints. */
export function outgoingRows(store: Store, since: number): MessageRow[] {
  const sql = `${messageSelect(store, 'LEFT JOIN')} WHERE m.is_from_me = 1 AND m.ROWID > ? ORDER BY m.ROWID ASC`;
  return queryMessages(store, sql, [since]);
}

/** The message with this guid (first join row), if the DB has guids. */
export function rowByGuid(store: Store, guid: string): MessageRow | undefined {
  if (!store.schema.reactions || guid === '') return undefined;
  return queryMessages(store, `${messageSelect(store, 'LEFT JOIN')} WHERE m.guid = ? LIMIT 1`, [guid])[0];
}
