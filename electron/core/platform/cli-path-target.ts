// Where an account's imsg program (cliPath) is written, shared by the Mac app's file picker
// (`account:pick-cli-path` in main) and by the transports that cannot pick files (they say how instead).
import { VerbError } from '../../contract/dispatch.js';
import { listAccountIds, resolveAccount } from '../config/accounts.js';
import type { AppConfig } from '../config/schema.js';
import { accountKeyBase } from './settings-extra.js';

/** An account's cliPath: its key path and the value in force. */
export interface CliPathTarget {
  readonly accountId: string;
  readonly key: string;
  readonly current: string;
}

/** The cliPath of `accountId` in `config`; an account the config does not have is `not-found`. */
export function cliPathTarget(config: AppConfig, accountId: string): CliPathTarget {
  const account = resolveAccount(config, accountId);
  if (!listAccountIds(config).includes(account.accountId)) throw new VerbError('not-found', `account:pick-cli-path: no account "${accountId.slice(0, 64)}" in channels.imessage`);
  return { accountId: account.accountId, key: `${accountKeyBase(config, account.accountId)}.cliPath`, current: account.cliPath };
}

/** How to change a cliPath where no file dialog can be shown (the web UI, the CLI's socket). */
export function cliPathHowTo(key: string, configPath: string): string {
  return `Choosing a file needs the Mac app. Change ${key} on the Mac with: imsg-companion config set ${key} /opt/homebrew/bin/imsg (or edit ${configPath}).`;
}
