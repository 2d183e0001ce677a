// imsg ≥0.8.2 startup-failure mode (spec §2.6): every request answered with the permission banner.
import { describeSqliteError } from '../store/sqlite-error.js';
import { errorResponse, RPC_CODE } from './errors.js';
import type { RpcOutput } from './output.js';
import { isObject, JSON_PARSE_ERROR_TEXT, tryParseJson } from './request.js';

/** The first line when Full Disk Access is missing or the file cannot be opened. */
export const CANT_OPEN_LINE = 'unable to open database file (code: 14)';

/**
 * The banner's first line for an open failure: SQLite's own error, or the can't-open line for
 * failures better-sqlite3 raises before SQLite runs (e.g. a missing parent directory).
 */
export function openFailureLine(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? describeSqliteError(err) : CANT_OPEN_LINE;
}

/** The exact `data` banner of §2.6a for `dbPath`, after the SQLite error line. */
export function permissionBanner(sqliteLine: string, dbPath: string): string {
  return [
    sqliteLine,
    '',
    '⚠️  Permission Error: Cannot access Messages database',
    '',
    `The Messages database at ${dbPath} requires Full Disk Access permission.`,
    '',
    'To fix:',
    '1. Open System Settings → Privacy & Security → Full Disk Access',
    '2. Add your terminal application and any parent launcher (VS Code, Node, gateway, etc.)',
    '3. Also add the built-in Terminal.app if you normally use another terminal',
    '4. Toggle stale entries off and on after terminal/Homebrew/app updates',
    '5. Restart the terminal or parent app, then try again',
    '',
    'Note: This is required because macOS protects the Messages database.',
    'For more details, see: https://github.com/steipete/imsg#permissions-troubleshooting',
  ].join('\n');
}

/** Answer one line in startup-failure mode: -32700 for bad JSON, else -32603 with the banner. */
export function answerWithBanner(line: string, banner: string, output: RpcOutput): void {
  const parsed = tryParseJson(line);
  if (!parsed.ok) {
    output.write(errorResponse(null, RPC_CODE.parseError, JSON_PARSE_ERROR_TEXT));
    return;
  }
  const id = isObject(parsed.value) ? parsed.value.id : null;
  output.write(errorResponse(id, RPC_CODE.internalError, banner));
}
