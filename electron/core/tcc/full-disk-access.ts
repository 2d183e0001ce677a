// Full Disk Access without native code (macos-electron §3.2): read chat.db's header, fall back
// to the system TCC.db as a second sentinel, fail closed, and let the imsg bridge overrule.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { expandHome } from '../fs/expand-home.js';
import { checkSqliteHead, type HeadCheck, type ReadHead, readHead as defaultReadHead } from './read-head.js';

/** Where Messages keeps its database when `dbPath` is not set. */
export const DEFAULT_CHAT_DB = '~/Library/Messages/chat.db';
/** The system TCC database: needs Full Disk Access on every macOS version (not the per-user one). */
export const SYSTEM_TCC_DB = '/Library/Application Support/com.apple.TCC/TCC.db';

/** Why the verdict is what it is (the row's wording depends on it). */
export type FdaReason = 'chat-db-readable' | 'sentinel-readable' | 'tcc-blocked' | 'file-permissions' | 'unreadable' | 'no-messages-data' | 'probe-error' | 'timeout' | 'bridge';

/** The Full Disk Access verdict for one chat.db. */
export interface FdaVerdict {
  readonly status: 'granted' | 'denied' | 'unknown';
  readonly reason: FdaReason;
  readonly chatDb: HeadCheck;
  /** Only read when chat.db is missing. */
  readonly sentinel?: HeadCheck;
}

/** Inputs of {@link probeFullDiskAccess}. */
export interface FdaProbeOptions {
  /** The account's dbPath (`~` allowed); only read when inside ~/Library/Messages (see {@link fdaProbePath}). */
  dbPath?: string;
  readHead?: ReadHead;
  /** Per file read, default 3000 ms. */
  timeoutMs?: number;
  home?: string;
  /** The imsg bridge reported its Full Disk Access error: denied whatever the files say. */
  bridgeDenied?: boolean;
}

/** The chat.db path an account reads, `~` expanded. */
export function chatDbPath(dbPath: string | undefined, home: string = homedir()): string {
  const configured = dbPath?.trim();
  return expandHome(configured ? configured : DEFAULT_CHAT_DB, home);
}

/**
 * The file whose readability proves Full Disk Access: the account's chat.db when it lies in
 * ~/Library/Messages, else the default one (a demo or copied database reads fine without FDA).
 */
export function fdaProbePath(dbPath: string | undefined, home: string = homedir()): string {
  const path = chatDbPath(dbPath, home);
  return path.startsWith(join(home, 'Library', 'Messages') + '/') ? path : chatDbPath(undefined, home);
}

/** Verdict from one header check; `missing` is left to the caller (chat.db and sentinel differ). */
function judge(check: HeadCheck): Pick<FdaVerdict, 'status' | 'reason'> | undefined {
  switch (check.finding) {
    case 'readable':
      return { status: 'granted', reason: 'chat-db-readable' };
    case 'eperm':
      return { status: 'denied', reason: 'tcc-blocked' };
    case 'eacces':
      return { status: 'denied', reason: 'file-permissions' };
    // The file exists but its bytes aren't a database: TCC's empty read, or worse. Fail closed.
    case 'empty':
    case 'bad-header':
      return { status: 'denied', reason: 'unreadable' };
    case 'timeout':
      return { status: 'unknown', reason: 'timeout' };
    case 'error':
      return { status: 'unknown', reason: 'probe-error' };
    case 'missing':
      return undefined;
  }
}

/** Probe Full Disk Access as §3.2 describes; never throws. */
export async function probeFullDiskAccess(opts: FdaProbeOptions = {}): Promise<FdaVerdict> {
  const read = opts.readHead ?? defaultReadHead;
  const timeoutMs = opts.timeoutMs ?? 3000;
  const chatDb = await checkSqliteHead(fdaProbePath(opts.dbPath, opts.home), read, timeoutMs);
  let verdict: FdaVerdict;
  const direct = judge(chatDb);
  if (direct) {
    verdict = { ...direct, chatDb };
  } else {
    const sentinel = await checkSqliteHead(SYSTEM_TCC_DB, read, timeoutMs);
    const second = judge(sentinel);
    if (!second) verdict = { status: 'unknown', reason: 'no-messages-data', chatDb, sentinel };
    else verdict = { ...second, reason: second.status === 'granted' ? 'sentinel-readable' : second.reason, chatDb, sentinel };
  }
  return opts.bridgeDenied ? { ...verdict, status: 'denied', reason: 'bridge' } : verdict;
}
