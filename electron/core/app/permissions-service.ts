// Keeps the Permissions rows: check() re-reads FDA, chat.db and the (cached) imsg probe and never
// prompts; requestAutomation() runs the Apple-event probe only when the user asks.
import type { PermissionView } from '../../contract/permissions.js';
import type { ResolvedAccount } from '../config/accounts.js';
import { sharedProbe as defaultProbeImsg } from '../imsg/recent-probes.js';
import { accountRows } from '../tcc/account-rows.js';
import { AutomationState } from '../tcc/automation-state.js';
import { measureFiles, rowContext } from '../tcc/measure.js';
import { ProbeCache } from '../tcc/probe-cache.js';
import { readHead } from '../tcc/read-head.js';
import { RowStore } from '../tcc/row-store.js';
import type { RowContext } from '../tcc/row-kit.js';
import type { PermissionsServiceOptions } from '../tcc/service-options.js';
import type { PermissionsPort } from './permissions-port.js';

/** Inputs of {@link PermissionsService}. */
export type { PermissionsServiceOptions };

const norm = (id: string): string => id.trim().toLowerCase();

/** The PermissionsPort of the companion. */
export class PermissionsService implements PermissionsPort {
  readonly #opts: PermissionsServiceOptions;
  readonly #rows = new RowStore();
  readonly #probes: ProbeCache;
  readonly #automation: AutomationState;

  constructor(opts: PermissionsServiceOptions) {
    this.#opts = opts;
    const probe = opts.probes?.probeImsg ?? defaultProbeImsg;
    this.#probes = new ProbeCache(probe, { ttlMs: opts.probeTtlMs ?? 30_000, now: () => this.#now() });
    this.#automation = new AutomationState({ runOsascript: opts.probes?.runOsascript, timeoutMs: opts.automationTimeoutMs, now: () => this.#now() });
  }

  /** The rows of the last check, account by account (empty before the first). */
  current(): PermissionView[] {
    return this.#rows.all();
  }

  /** Re-check one account or all enabled ones; never runs osascript. Throws for an unknown account. */
  async check(accountId?: string): Promise<PermissionView[]> {
    const accounts = this.#targets(accountId);
    const results = await Promise.all(accounts.map(async (a) => [a.accountId, await this.#checkAccount(a)] as const));
    this.#rows.replace(results, accountId === undefined);
    return results.flatMap(([, rows]) => rows);
  }

  /** Run the Automation probe (may show the macOS prompt); concurrent clicks share one run. */
  async requestAutomation(accountId: string): Promise<PermissionView> {
    const [account] = this.#targets(accountId);
    const ctx = this.#context(account as ResolvedAccount);
    // Off macOS and for SSH-wrapped accounts there is nothing local to ask.
    if (ctx.macos && !ctx.remoteHost) await this.#automation.request();
    // The verdict is per Mac, so every account's row changes: re-check them all (fast, cached probe).
    await this.check();
    const row = this.#rows.get(ctx.accountId)?.find((r) => r.id === 'automation');
    if (!row) throw new Error(`requestAutomation: no Automation row for account ${ctx.accountId}`);
    return row;
  }

  /** Called with the new rows whenever something other than the check time changed; returns the removal. */
  onChange(listener: (rows: PermissionView[]) => void): () => void {
    return this.#rows.onChange(listener);
  }

  #now(): number {
    return (this.#opts.now ?? Date.now)();
  }

  #targets(accountId: string | undefined): ResolvedAccount[] {
    const all = this.#opts.accounts().filter((a) => a.enabled);
    if (accountId === undefined) return all;
    const found = all.filter((a) => a.accountId === norm(accountId));
    if (found.length === 0) throw new Error(`No enabled account "${accountId}" to check.`);
    return found;
  }

  #context(account: ResolvedAccount): RowContext {
    const remoteHost = this.#opts.remoteHost ? this.#opts.remoteHost(account.accountId) : account.remoteHost;
    return rowContext(this.#opts.platform, account, remoteHost, this.#now());
  }

  async #checkAccount(account: ResolvedAccount): Promise<PermissionView[]> {
    const ctx = this.#context(account);
    const probed = this.#probes.get(account.accountId, { cliPath: account.cliPath, dbPath: account.dbPath, timeoutMs: account.probeTimeoutMs, env: this.#opts.env ?? process.env, diagnosis: { dbPath: account.dbPath, remoteHost: ctx.remoteHost } });
    const files = measureFiles(ctx, account, { readHead: this.#opts.probes?.readHead ?? readHead, timeoutMs: this.#opts.fileTimeoutMs ?? 3000, home: this.#opts.home });
    // A slow first probe must not hold up the popover: answer "Checking…" and push the result later.
    const probe = await this.#probes.settled(probed, this.#opts.probeWaitMs ?? 1500);
    if (!probe) void probed.promise.then(() => this.check(account.accountId)).catch(() => undefined);
    return accountRows(ctx, {
      probe,
      probeAt: probe && probed.at !== undefined ? new Date(probed.at).toISOString() : undefined,
      ...(await files),
      customDbPath: Boolean(account.dbPath?.trim()),
      automation: this.#automation.verdict,
      health: this.#opts.health(account.accountId),
    });
  }
}
