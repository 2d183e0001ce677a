// Where the pairing store keeps its files, under `<stateDir>/credentials/` (spec §9).
import { join } from 'node:path';

/** The account id used when a config has no named accounts; the only one the legacy file serves. */
export const DEFAULT_ACCOUNT_ID = 'default';

// Account ids become part of file names, so only a safe, separator-free alphabet is allowed.
// They are compared trimmed and lower-cased, as the config loader does.
const ACCOUNT_ID_RE = /^[a-z0-9_][a-z0-9_.-]{0,63}$/;
const ALLOW_FROM_RE = /^imessage-(.+)-allowFrom\.json$/;
const BLOCKED_RE = /^imessage-(.+)-blocked\.json$/;

/** Thrown for an account id that cannot safely name a file. */
export class InvalidAccountIdError extends Error {
  constructor(readonly accountId: string) {
    super(`Invalid account id ${JSON.stringify(accountId)}: use 1-64 letters, digits, '_', '.' or '-' (not starting with '.' or '-')`);
    this.name = 'InvalidAccountIdError';
  }
}

/** True when `accountId` (once trimmed and lower-cased) can be used in a file name. */
export function isValidAccountId(accountId: string): boolean {
  return ACCOUNT_ID_RE.test(accountId.trim().toLowerCase());
}

/** The canonical account id (trimmed, lower-case), or throw {@link InvalidAccountIdError}. */
export function normalizeAccountId(accountId: string): string {
  const id = accountId.trim().toLowerCase();
  if (!ACCOUNT_ID_RE.test(id)) throw new InvalidAccountIdError(accountId);
  return id;
}

/** Paths of every pairing file for one state directory. */
export class PairingPaths {
  /** The credentials folder (mode 0700). */
  readonly dir: string;
  /** Pending requests of every account. */
  readonly pairing: string;
  /** The unscoped allowFrom file older versions wrote; read for the default account only. */
  readonly legacyAllowFrom: string;
  /** The cross-process lock guarding all files above. */
  readonly lock: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'credentials');
    this.pairing = join(this.dir, 'imessage-pairing.json');
    this.legacyAllowFrom = join(this.dir, 'imessage-allowFrom.json');
    this.lock = join(this.dir, 'imessage-pairing.lock');
  }

  /** Approved senders of one account. */
  allowFrom(accountId: string): string {
    return join(this.dir, `imessage-${normalizeAccountId(accountId)}-allowFrom.json`);
  }

  /** Blocked senders of one account. */
  blocked(accountId: string): string {
    return join(this.dir, `imessage-${normalizeAccountId(accountId)}-blocked.json`);
  }
}

/** The account ids that have a file of `kind` among `names` (a listing of the credentials folder). */
export function accountsWithFiles(names: readonly string[], kind: 'allowFrom' | 'blocked'): string[] {
  const re = kind === 'allowFrom' ? ALLOW_FROM_RE : BLOCKED_RE;
  const ids = new Set<string>();
  for (const name of names) {
    const id = re.exec(name)?.[1];
    // Only canonical names: a hand-made `imessage-Work-…` is not the file `work` resolves to.
    if (id !== undefined && ACCOUNT_ID_RE.test(id)) ids.add(id);
  }
  return [...ids].sort();
}
