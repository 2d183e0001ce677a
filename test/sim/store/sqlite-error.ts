// SQLite errors rendered the way SQLite.swift describes them to imsg: `<message> (code: <n>)`.

const PRIMARY_CODES: Readonly<Record<string, number>> = {
  SQLITE_ERROR: 1, SQLITE_INTERNAL: 2, SQLITE_PERM: 3, SQLITE_ABORT: 4, SQLITE_BUSY: 5, SQLITE_LOCKED: 6,
  SQLITE_NOMEM: 7, SQLITE_READONLY: 8, SQLITE_INTERRUPT: 9, SQLITE_IOERR: 10, SQLITE_CORRUPT: 11,
  SQLITE_NOTFOUND: 12, SQLITE_FULL: 13, SQLITE_CANTOPEN: 14, SQLITE_PROTOCOL: 15, SQLITE_EMPTY: 16,
  SQLITE_SCHEMA: 17, SQLITE_TOOBIG: 18, SQLITE_CONSTRAINT: 19, SQLITE_MISMATCH: 20, SQLITE_MISUSE: 21,
  SQLITE_NOLFS: 22, SQLITE_AUTH: 23, SQLITE_FORMAT: 24, SQLITE_RANGE: 25, SQLITE_NOTADB: 26,
};

/** Primary SQLite result code for a better-sqlite3 code name (extended names map to their base). */
export function sqliteCodeNumber(code: string): number {
  const exact = PRIMARY_CODES[code];
  if (exact !== undefined) return exact;
  const base = Object.keys(PRIMARY_CODES).find((name) => code.startsWith(`${name}_`));
  return base ? (PRIMARY_CODES[base] ?? 1) : 1;
}

/** `database is locked (code: 5)` for SQLite errors; the plain message for anything else. */
export function describeSqliteError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return `${err.message} (code: ${sqliteCodeNumber(code)})`;
    return err.message;
  }
  return String(err);
}
