// What the account's own settings tell about a classified failure: a dbPath that does not exist
// is "file not found" (not a Full Disk Access problem), and an SSH account's grants live there.
import { existsSync } from 'node:fs';
import { expandHome } from '../fs/expand-home.js';
import type { ImsgCause } from './cause-texts.js';
import { remoteGrantCause } from './ssh-causes.js';

/** The account settings a diagnosis depends on. */
export interface DiagnosisContext {
  /** The configured dbPath, if any. */
  readonly dbPath?: string;
  /** Set when imsg runs over SSH (configured or detected from the wrapper script). */
  readonly remoteHost?: string;
  /** Seam: does this local file exist? */
  readonly exists?: (path: string) => boolean;
}

/** Causes a missing file produces (imsg reads "unable to open database file" as a permission problem). */
const DB_KINDS = new Set(['full-disk-access', 'unknown', 'rpc', 'exited', 'timeout', 'contacts-wait']);

/** The docs' placeholder (`/Users/<you>/…`) copied as is. */
const PLACEHOLDER = /<[^>]*>/;

/** "file not found" for a dbPath that is not there, when the failure could be that. */
export function dbNotFoundCause(dbPath: string, placeholder: boolean): ImsgCause {
  return {
    kind: 'db-not-found',
    summary: placeholder ? `dbPath ${dbPath} still has a placeholder in it: there is no such file.` : `dbPath: file not found: ${dbPath}`,
    fix: 'Fix channels.imessage.dbPath (the full path of chat.db, e.g. ~/Library/Messages/chat.db), or remove it to use the Messages default.',
  };
}

/** Why the configured dbPath cannot be the database, if it cannot (undefined when it may be fine). */
export function missingDbPath(ctx: DiagnosisContext): ImsgCause | undefined {
  const path = ctx.dbPath?.trim();
  if (!path) return undefined;
  if (PLACEHOLDER.test(path)) return dbNotFoundCause(path, true);
  // Over SSH the file is on the other Mac: only the placeholder can be judged from here.
  if (ctx.remoteHost) return undefined;
  return (ctx.exists ?? existsSync)(expandHome(path)) ? undefined : dbNotFoundCause(path, false);
}

/** Refine `cause` with the account's context; returns it unchanged when nothing applies. */
export function refineCause(cause: ImsgCause, ctx: DiagnosisContext): ImsgCause {
  if (DB_KINDS.has(cause.kind)) {
    const missing = missingDbPath(ctx);
    if (missing) return { ...missing, detail: cause.detail };
  }
  if (ctx.remoteHost && (cause.kind === 'full-disk-access' || cause.kind === 'automation')) return remoteGrantCause(cause.kind, ctx.remoteHost, cause.detail);
  return cause;
}
