// The simulator's read side: one long-lived read-only connection, like imsg's (spec §4.1).
import Database from 'better-sqlite3';
import type { ChatInfo } from './chat-info.js';
import { detectSchema, type StoreSchema } from './schema-detect.js';

/** A read-only chat.db plus what imsg keeps alongside it for the process lifetime. */
export interface Store {
  readonly db: Database.Database;
  readonly path: string;
  readonly schema: StoreSchema;
  /** imsg 0.9.0 caches chat info and participants until restart (spec §4.5). */
  readonly chatCache: Map<number, ChatInfo>;
  /** Contacts names by handle (imsg ≥ 0.6.0 with `IMSG_SIM_CONTACTS`), else undefined. */
  readonly contacts?: ReadonlyMap<string, string>;
}

/** Open `path` read-only (never creating it), busy timeout 5 s, no `immutable`; throws SqliteError. */
export function openStore(path: string, contacts?: ReadonlyMap<string, string>): Store {
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    return { db, path, schema: detectSchema(db), chatCache: new Map(), ...(contacts ? { contacts } : {}) };
  } catch (err) {
    db.close();
    throw err;
  }
}
