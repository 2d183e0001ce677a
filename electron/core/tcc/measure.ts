// The file-level measurements of one account and the context its rows are worded in.
import type { ResolvedAccount } from '../config/accounts.js';
import type { PlatformPort } from '../platform/platform-port.js';
import { chatDbPath, type FdaVerdict, fdaProbePath, probeFullDiskAccess } from './full-disk-access.js';
import { describeGrantee } from './grantee.js';
import { checkSqliteHead, type HeadCheck, type ReadHead } from './read-head.js';
import type { RowContext } from './row-kit.js';

/** Who needs the grant, where we run, at what time: everything the row wording depends on. */
export function rowContext(platform: PlatformPort, account: ResolvedAccount, remoteHost: string | undefined, nowMs: number): RowContext {
  const view = platform.describe();
  const host = remoteHost?.trim() || undefined;
  const grantee = describeGrantee({ mode: view.mode, appPath: platform.appPath(), launcher: platform.launcher?.(), remoteHost: host });
  return { accountId: account.accountId, grantee, mode: view.mode, os: view.os, macos: view.macos, remoteHost: host, checkedAt: new Date(nowMs).toISOString() };
}

/** How to read files. */
export interface FileProbeDeps {
  readonly readHead: ReadHead;
  readonly timeoutMs: number;
  readonly home?: string;
}

/**
 * Local accounts on macOS: the Full Disk Access probe (which reads chat.db), plus the account's
 * own database when FDA was judged on another file. Elsewhere: only the chat.db header.
 * SSH-wrapped accounts: nothing local to read.
 */
export async function measureFiles(ctx: RowContext, account: ResolvedAccount, deps: FileProbeDeps): Promise<{ fda?: FdaVerdict; chatDb?: HeadCheck }> {
  if (ctx.remoteHost) return {};
  const path = chatDbPath(account.dbPath, deps.home);
  const ownDb = () => checkSqliteHead(path, deps.readHead, deps.timeoutMs);
  if (!ctx.macos) return { chatDb: await ownDb() };
  const fdaOpts = { dbPath: account.dbPath, readHead: deps.readHead, timeoutMs: deps.timeoutMs, home: deps.home };
  if (fdaProbePath(account.dbPath, deps.home) === path) return { fda: await probeFullDiskAccess(fdaOpts) };
  const [fda, chatDb] = await Promise.all([probeFullDiskAccess(fdaOpts), ownDb()]);
  return { fda, chatDb };
}
