// Approved (allowFrom) and blocked sender lists per account, plus the lock all pairing writes share.
import { promises as fs } from 'node:fs';
import { withFileLock } from '../fs/file-lock.js';
import { normalizeHandle } from '../policy/normalize.js';
import { pairingFileProblems, type PairingFileProblem } from './file-health.js';
import { CachedListReader, readList, writeList } from './files.js';
import { accountsWithFiles, DEFAULT_ACCOUNT_ID, normalizeAccountId, PairingPaths } from './paths.js';
import type { ListKind } from './schema.js';

/** The sender-list half of the pairing store; {@link PairingStore} adds pending requests. */
export class SenderLists {
  /** Where every pairing file lives. */
  readonly paths: PairingPaths;
  private readonly reader = new CachedListReader();

  constructor(
    stateDir: string,
    private readonly lockTimeoutMs?: number,
  ) {
    this.paths = new PairingPaths(stateDir);
  }

  /** Approved senders of an account, including the legacy unscoped file for the default account. */
  async readApproved(accountId: string): Promise<string[]> {
    const entries = await Promise.all(this.listFiles('allowFrom', normalizeAccountId(accountId)).map((f) => this.reader.read(f, 'allowFrom')));
    return [...new Set(entries.flat())];
  }

  /** Every pairing file that cannot be used right now (for status: a broken file is never "healthy"). */
  fileProblems(): Promise<PairingFileProblem[]> {
    return pairingFileProblems(this.paths, this.reader);
  }

  /** Approved senders of one account or of every account that has any. */
  async listApproved(accountId?: string): Promise<Array<{ accountId: string; sender: string }>> {
    const accounts = accountId !== undefined ? [normalizeAccountId(accountId)] : await this.accountsWith('allowFrom');
    const out: Array<{ accountId: string; sender: string }> = [];
    for (const account of accounts) for (const sender of await this.readApproved(account)) out.push({ accountId: account, sender });
    return out;
  }

  /** Blocked senders of one account or of every account that has any. */
  async listBlocked(accountId?: string): Promise<Array<{ accountId: string; sender: string }>> {
    const accounts = accountId !== undefined ? [normalizeAccountId(accountId)] : await this.accountsWith('blocked');
    const out: Array<{ accountId: string; sender: string }> = [];
    for (const account of accounts) for (const sender of await this.reader.read(this.paths.blocked(account), 'blocked')) out.push({ accountId: account, sender });
    return out;
  }

  /** True when the sender was blocked for this account (compared normalized). */
  async isBlocked(accountId: string, senderId: string): Promise<boolean> {
    const target = normalizeHandle(senderId);
    const entries = await this.reader.read(this.paths.blocked(accountId), 'blocked');
    return target !== '' && entries.some((e) => normalizeHandle(e) === target);
  }

  /** Add approved senders (e.g. imported from OpenClaw) to an account; returns how many were new. */
  async importApproved(accountId: string, senders: readonly string[]): Promise<number> {
    const account = normalizeAccountId(accountId);
    return this.locked(async () => {
      const file = this.paths.allowFrom(account);
      const entries = await readList(file, 'allowFrom');
      const known = new Set(entries.map(normalizeHandle));
      const added = senders.filter((s) => {
        const id = normalizeHandle(s);
        if (!id || known.has(id)) return false;
        known.add(id);
        return true;
      });
      if (added.length > 0) await writeList(file, 'allowFrom', [...entries, ...added]);
      return added.length;
    });
  }

  /** Take back an approval, for one account or all; true when anything was removed. */
  async revoke(handle: string, accountId?: string): Promise<boolean> {
    return this.removeEverywhere('allowFrom', handle, accountId);
  }

  /** Lift a block, for one account or all; true when anything was removed. */
  async unblock(handle: string, accountId?: string): Promise<boolean> {
    return this.removeEverywhere('blocked', handle, accountId);
  }

  /** Run `fn` holding the pairing lock, with the credentials folder private (0700). */
  protected async locked<T>(fn: () => Promise<T>): Promise<T> {
    await fs.mkdir(this.paths.dir, { recursive: true, mode: 0o700 });
    await fs.chmod(this.paths.dir, 0o700);
    return withFileLock(this.paths.lock, fn, { timeoutMs: this.lockTimeoutMs });
  }

  /** Under the lock: the blocked list read fresh, not from cache. */
  protected async isBlockedFresh(accountId: string, id: string): Promise<boolean> {
    return (await readList(this.paths.blocked(accountId), 'blocked')).some((e) => normalizeHandle(e) === id);
  }

  /** Under the lock: add `id` to an account's list unless an equivalent entry is there. */
  protected async addToList(kind: ListKind, accountId: string, id: string): Promise<void> {
    const file = kind === 'allowFrom' ? this.paths.allowFrom(accountId) : this.paths.blocked(accountId);
    const entries = await readList(file, kind);
    const target = normalizeHandle(id);
    if (entries.some((e) => normalizeHandle(e) === target)) return;
    await writeList(file, kind, [...entries, id]);
  }

  private async removeEverywhere(kind: ListKind, handle: string, accountId?: string): Promise<boolean> {
    const target = normalizeHandle(handle);
    const only = accountId === undefined ? undefined : normalizeAccountId(accountId);
    if (!target) return false;
    return this.locked(async () => {
      const accounts = only !== undefined ? [only] : await this.accountsWith(kind);
      const files = accounts.flatMap((a) => this.listFiles(kind, a));
      // Read everything first so a corrupt file stops the whole change, not half of it.
      const contents = await Promise.all(files.map(async (file) => ({ file, entries: await readList(file, kind) })));
      let removed = false;
      for (const { file, entries } of contents) {
        const kept = entries.filter((e) => normalizeHandle(e) !== target);
        if (kept.length === entries.length) continue;
        await writeList(file, kind, kept);
        removed = true;
      }
      return removed;
    });
  }

  /** The files holding an account's list of `kind` (allowFrom of the default account has two). */
  private listFiles(kind: ListKind, accountId: string): string[] {
    if (kind === 'blocked') return [this.paths.blocked(accountId)];
    const scoped = this.paths.allowFrom(accountId);
    return accountId === DEFAULT_ACCOUNT_ID ? [scoped, this.paths.legacyAllowFrom] : [scoped];
  }

  /** Accounts that have a list file of `kind` (the legacy allowFrom file counts for the default). */
  private async accountsWith(kind: ListKind): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.paths.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const ids = accountsWithFiles(names, kind);
    if (kind === 'allowFrom' && names.includes('imessage-allowFrom.json') && !ids.includes(DEFAULT_ACCOUNT_ID)) ids.push(DEFAULT_ACCOUNT_ID);
    return ids.sort();
  }
}
