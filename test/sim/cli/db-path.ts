// The `--db` path: imsg's default, `~` expanded.
import { expandHome } from '../../../electron/core/fs/expand-home.js';
import { openStore, type Store } from '../store/open-store.js';
import { CANT_OPEN_LINE, openFailureLine, permissionBanner } from '../rpc/startup-failure.js';
import { CliError, strOption, type OptionValues } from './options.js';

/** imsg's default database. */
export const DEFAULT_DB_PATH = '~/Library/Messages/chat.db';

/** The resolved `--db` value (default `~/Library/Messages/chat.db`). */
export function dbPathOption(values: OptionValues): string {
  return expandHome(strOption(values, 'db') ?? DEFAULT_DB_PATH);
}

/** The management commands write, so they never fall back to the real Messages database. */
export function requiredDbPath(values: OptionValues): string {
  const db = strOption(values, 'db');
  if (db === undefined || db === '') throw new CliError('Missing required option: --db');
  return expandHome(db);
}

/** Open the DB read-only for a CLI read; failure is the plain-text permission banner, as imsg prints it. */
export function openStoreForCli(path: string, fdaDenied: boolean): Store {
  if (fdaDenied) throw new CliError(permissionBanner(CANT_OPEN_LINE, path));
  try {
    return openStore(path);
  } catch (err) {
    throw new CliError(permissionBanner(openFailureLine(err), path));
  }
}
