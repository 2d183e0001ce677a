// The message SELECT imsg runs (spec §4.3, §4.6), with absent optional columns read as NULL.
import { decodeAttributedBody } from './attributed-body.js';
import type { Store } from './open-store.js';

/** One message row, normalised (NULLs resolved the way imsg resolves them). */
export interface MessageRow {
  readonly id: number;
  readonly chatId: number;
  /** handle.id of message.handle_id, `""` when none. */
  readonly handle: string;
  /** IFNULL(text, ''). */
  readonly text: string;
  readonly body: Buffer | null;
  readonly date: bigint | null;
  readonly fromMe: boolean;
  /** `""` when the DB lacks the guid/associated_* columns. */
  readonly guid: string;
  readonly associatedGuid: string | null;
  readonly associatedType: number;
  readonly threadOriginatorGuid: string | null;
  readonly destinationCallerId: string | null;
  readonly isAudio: boolean;
  readonly balloonBundleId: string | null;
}

/** `SELECT … FROM message m` with the chat join (`LEFT` for all-chat watch) and the sender handle. */
export function messageSelect(store: Store, chatJoin: 'JOIN' | 'LEFT JOIN'): string {
  const s = store.schema;
  const col = (present: boolean, expr: string, fallback = 'NULL'): string => (present ? expr : fallback);
  return `SELECT m.ROWID AS id, IFNULL(cmj.chat_id, 0) AS chat_id, IFNULL(h.id, '') AS handle,
      IFNULL(m.text, '') AS text, ${col(s.attributedBody, 'm.attributedBody')} AS body, m.date AS date,
      IFNULL(m.is_from_me, 0) AS from_me, ${col(s.reactions, "IFNULL(m.guid, '')", "''")} AS guid,
      ${col(s.reactions, 'm.associated_message_guid')} AS amg,
      ${col(s.reactions, 'IFNULL(m.associated_message_type, 0)', '0')} AS amt,
      ${col(s.threadOriginator, 'm.thread_originator_guid')} AS tog,
      ${col(s.destinationCallerId, 'm.destination_caller_id')} AS dci,
      ${col(s.audio, 'IFNULL(m.is_audio_message, 0)', '0')} AS audio,
      ${col(s.balloon, 'm.balloon_bundle_id')} AS balloon
    FROM message m
    ${chatJoin} chat_message_join cmj ON cmj.message_id = m.ROWID
    LEFT JOIN handle h ON h.ROWID = m.handle_id`;
}

/** SQL condition excluding reaction rows (associated_message_type 2000–3006); empty without reaction columns. */
export function notReactionSql(store: Store): string {
  return store.schema.reactions ? 'AND m.associated_message_type NOT BETWEEN 2000 AND 3006' : '';
}

/** Raw row as selected with safe integers. */
type RawRow = Record<string, unknown>;

/** Convert a raw row (BigInt integers) into a MessageRow. */
export function toMessageRow(raw: RawRow): MessageRow {
  const int = (v: unknown): number => (typeof v === 'bigint' || typeof v === 'number' ? Number(v) : 0);
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    id: int(raw.id),
    chatId: int(raw.chat_id),
    handle: str(raw.handle) ?? '',
    text: str(raw.text) ?? '',
    body: Buffer.isBuffer(raw.body) ? raw.body : null,
    date: typeof raw.date === 'bigint' ? raw.date : null,
    fromMe: int(raw.from_me) !== 0,
    guid: str(raw.guid) ?? '',
    associatedGuid: str(raw.amg),
    associatedType: int(raw.amt),
    threadOriginatorGuid: str(raw.tog),
    destinationCallerId: str(raw.dci),
    isAudio: int(raw.audio) !== 0,
    balloonBundleId: str(raw.balloon),
  };
}

/** Run a message query and normalise every row. */
export function queryMessages(store: Store, sql: string, params: readonly unknown[]): MessageRow[] {
  const rows = store.db.prepare(sql).safeIntegers(true).all(...params) as RawRow[];
  return rows.map(toMessageRow);
}

/** The `sender` imsg reports: the handle, else destination_caller_id, else `""`. */
export function rowSender(row: MessageRow): string {
  return row.handle !== '' ? row.handle : (row.destinationCallerId ?? '');
}

/** The text column, or the decoded attributedBody when the column is NULL/empty (spec §4.4). */
export function rowText(row: MessageRow): string {
  if (row.text !== '') return row.text;
  return row.body ? decodeAttributedBody(row.body) : '';
}
