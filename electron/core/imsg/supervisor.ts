// Keeps one account's `imsg rpc` alive: restarts with backoff, resumes from the durable cursor,
// reports measured health, and stops for good only on a fatal cause (RPC unsupported).
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { classifyImsgError } from './classify-error.js';
import type { ClientFactory } from './client-port.js';
import { WatchStateStore } from './cursor-store.js';
import type { AccountHealth, SupervisorState } from './health.js';
import { InboundQueue } from './inbound-queue.js';
import type { ProbeResult } from './probe.js';
import { publishProbe } from './recent-probes.js';
import { ImsgClient } from './rpc-client.js';
import { ImsgTimeoutError } from './rpc-errors.js';
import { HealthTracker } from './supervisor-health.js';
import { describeEnd } from './supervisor-end.js';
import { startProbe } from './start-probe.js';
import type { SupervisorOptions } from './supervisor-options.js';
import { runWatchSession } from './watch-session.js';

export type { SupervisorOptions } from './supervisor-options.js';

/** Least time between two watch-state writes while messages keep coming. */
const PERSIST_INTERVAL_MS = 200;


/** Supervises one account; see the module comment. */
export class ImsgSupervisor {
  readonly #opts: SupervisorOptions;
  readonly #backoff: BackoffOptions;
  readonly #store: WatchStateStore;
  readonly #health: HealthTracker;
  #queue: InboundQueue | undefined;
  #loop: Promise<void> | undefined;
  #runAbort: AbortController | undefined;
  #stopping = false;
  #needProbe = true;
  #wakeSleep: (() => void) | undefined;
  #stopRequested: { promise: Promise<false>; resolve: (v: false) => void } | undefined;
  #client: ImsgClient | ReturnType<ClientFactory> | undefined;
  /** The start probe's client, already ready: the next session watches with it. */
  #probed: ImsgClient | ReturnType<ClientFactory> | undefined;
  #storageProblem: { file: string; message: string; since: string } | undefined;
  /** Set by a start probe that left the binary's version to learn after the start: how, and the probe it completes. */
  #versionToLearn: { learn: () => Promise<{ version?: string }>; opts: { cliPath: string; dbPath?: string }; result: ProbeResult } | undefined;

  constructor(opts: SupervisorOptions) {
    this.#opts = opts;
    this.#backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
    this.#store = new WatchStateStore(opts.stateFile);
    this.#health = new HealthTracker(opts.accountId, (opts.pingIntervalMs ?? 30_000) * 2 + (opts.requestTimeoutMs ?? 10_000));
  }

  /** Start supervising (idempotent). */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    let resolve: (v: false) => void = () => undefined;
    const promise = new Promise<false>((r) => (resolve = r));
    this.#stopRequested = { promise, resolve };
    this.#loop = this.#run().finally(() => (this.#loop = undefined));
  }

  /** Stop: unsubscribe, let queued messages finish, stop the child, persist the cursor. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#stopRequested?.resolve(false);
    this.#runAbort?.abort();
    this.#wakeSleep?.();
    await this.#loop;
    await this.#probed?.stop().catch(() => undefined);
    this.#probed = undefined;
    await this.#queue?.idle();
    this.#health.update({ state: 'stopped', pid: undefined, subscription: undefined, nextRestartAt: undefined });
  }

  /** Manual retry (UI button, config change): probe again and restart now, attempts reset. */
  retry(): void {
    this.#needProbe = true;
    this.#health.update({ attempt: 0 });
    this.#runAbort?.abort();
    this.#wakeSleep?.();
    this.start();
  }

  /** The watch-state file cannot be written (a full disk), since when; undefined once a save lands. */
  get storageProblem(): { file: string; message: string; since: string } | undefined {
    return this.#storageProblem;
  }

  /** The current health snapshot. */
  health(): AccountHealth {
    return this.#health.snapshot(this.#queue?.size ?? 0);
  }

  /** Subscribe to health snapshots (called on every change); returns an unsubscribe. */
  onHealth(listener: (h: AccountHealth) => void): () => void {
    return this.#health.listen(() => listener(this.health()));
  }

  /** Send a request through the running child (e.g. `send`); rejects when none is running. */
  async request<T = unknown>(method: string, params?: Record<string, unknown>, opts?: { timeoutMs?: number }): Promise<T> {
    if (!this.#client) throw new Error('imsg rpc not running');
    let result: T;
    try {
      result = await this.#client.request<T>(method, params, opts);
    } catch (err) {
      // imsg's own verdict that macOS refused Automation (-1743 on a send) is what Permissions and
      // the header show, not only the failed reply or pairing code it belonged to.
      const cause = classifyImsgError(err, this.#opts.diagnosis?.());
      if (cause.kind === 'automation') this.#health.error(err as Error, cause);
      throw err;
    }
    this.#health.touch('lastRequestOkAt');
    // A send that went out proves Automation works again.
    if (method === 'send' && this.#health.snapshot(0).lastError?.cause.kind === 'automation') this.#health.healed();
    return result;
  }

  /** Resolves once the pending cursor write is on disk (does not wait for handling). */
  async flush(): Promise<void> {
    await this.#queue?.flush();
  }

  /** Resolves when every received message was handled and the cursor persisted. */
  async idle(): Promise<void> {
    await this.#queue?.idle();
  }

  /**
   * While a start is not answered, say so after `slowStartNoticeMs` (an imsg that hangs on every
   * request) instead of a bare "Starting…" for as long as the probe and first request take.
   */
  #noticeSlowStart(): () => void {
    const ms = this.#opts.slowStartNoticeMs ?? 10_000;
    const timer = setTimeout(() => {
      const state = this.#health.snapshot(0).state;
      if (state !== 'starting') return;
      const err = new ImsgTimeoutError('chats.list', ms, true);
      this.#health.error(new Error(`imsg has not answered for ${Math.round(ms / 1000)} s (still waiting)`), classifyImsgError(err, { firstRequest: true }));
    }, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  }

  async #run(): Promise<void> {
    // The start probe runs while the watch state loads (and is published at once for the permission rows).
    let early = this.#needProbe ? this.#probe() : undefined;
    const queue = await this.#ensureQueue();
    while (!this.#stopping) {
      const clearNotice = this.#noticeSlowStart();
      if (this.#needProbe) {
        // Starting already: the probe can take seconds, and "stopped" here would read as settled.
        this.#health.update({ state: 'starting', nextRestartAt: undefined });
        // A stop does not wait for a probe of a hanging imsg (it ends on its own timeout).
        const ok = await Promise.race([this.#probeOk(early), this.#stopRequested?.promise ?? new Promise<never>(() => undefined)]);
        early = undefined;
        if (this.#stopping) break; // stop() arrived during the probe: nothing to abort yet
        if (!ok) {
          clearNotice();
          await this.#sleep(undefined);
          continue;
        }
      }
      const abort = new AbortController();
      this.#runAbort = abort;
      const startedAt = Date.now();
      this.#health.update({ state: 'starting', runStartedAt: new Date(startedAt).toISOString(), nextRestartAt: undefined });
      const ready = this.#probed;
      this.#probed = undefined;
      const client = ready ?? this.#newClient();
      this.#client = client;
      const end = await runWatchSession({
        client,
        ready: ready !== undefined,
        queue,
        watchParams: this.#opts.watchParams ?? {},
        downstream: this.#opts.downstream,
        readyTimeoutMs: this.#opts.firstRequestTimeoutMs ?? 30_000,
        requestTimeoutMs: this.#opts.requestTimeoutMs ?? 10_000,
        pingIntervalMs: this.#opts.pingIntervalMs ?? 30_000,
        signal: abort.signal,
        hooks: {
          onReady: () => {
            clearNotice();
            this.#health.update({ state: 'ready', pid: client.pid });
          },
          onWatching: (subscription) => {
            // Watching again: an earlier error is history now ("last problem, recovered at …").
            this.#health.healed();
            this.#health.update({ state: 'watching', subscription, cursor: queue.cursor });
            this.#afterWatching();
          },
          onUnsubscribed: () => this.#health.update({ subscription: undefined }),
          onDrained: (subscription) => this.#health.update({ subscription }),
          onRequestOk: () => this.#health.touch('lastRequestOkAt'),
          onMessage: () => this.#health.touch('lastMessageAt'),
          onWarning: (err) => this.#health.error(err, classifyImsgError(err, { ...this.#opts.diagnosis?.(), stderrTail: client.stderrTail() })),
        },
      });
      this.#client = undefined;
      clearNotice();
      this.#health.update({ pid: undefined, subscription: undefined });
      if (this.#stopping) break;
      // retry(): restart at once, no backoff; a restart the owner asked for is not a crash.
      if (end.kind === 'stopped') continue;
      const described = describeEnd(end, client.stderrTail(), this.#opts.diagnosis?.());
      this.#health.error(described.error, described.cause);
      const stable = end.watched && Date.now() - startedAt >= this.#backoff.stableMs;
      const attempt = stable ? 1 : this.#health.snapshot(0).attempt + 1;
      const delay = backoffDelay(attempt, this.#backoff, this.#opts.random);
      this.#health.update({ state: 'backoff', attempt, restarts: this.#health.snapshot(0).restarts + 1, nextRestartAt: new Date(Date.now() + delay).toISOString() });
      await this.#sleep(delay);
    }
  }

  async #ensureQueue(): Promise<InboundQueue> {
    if (this.#queue) return this.#queue;
    const loaded = await this.#store.load();
    if (loaded.problem) this.#health.error(new Error(loaded.problem), { kind: 'unknown', summary: 'The saved watch position was unreadable; starting from the current end.' });
    this.#queue = new InboundQueue({
      initial: loaded.state,
      handle: this.#opts.onMessage,
      persist: (state) => this.#store.save(state).then(() => this.#health.update({ cursor: state.cursor })),
      onHandlerError: this.#opts.onHandlerError,
      onUnrecorded: this.#opts.onUnrecorded,
      onInvalid: (payload, reason) => {
        this.#health.count('invalidPayloads');
        this.#opts.onInvalid?.(payload, reason);
      },
      // The state holds the last 4096 message keys (~200 KB): written per message, a steady
      // 100 msg/s meant 20 MB/s of fsynced writes. A crash replays at most this much, and every
      // replayed dispatch is recognised by the reply journal (answered once).
      persistIntervalMs: PERSIST_INTERVAL_MS,
      onPersistError: (err) => {
        const message = err instanceof Error ? err.message : String(err);
        this.#storageProblem = { file: this.#store.file, message, since: this.#storageProblem?.since ?? new Date().toISOString() };
        this.#health.error(err as Error, { kind: 'unknown', summary: 'Could not save the watch position (disk full or not writable?).' });
      },
      onPersistOk: () => {
        if (!this.#storageProblem) return;
        this.#storageProblem = undefined;
        if (this.#health.snapshot(0).state === 'watching') this.#health.healed();
      },
    });
    this.#health.update({ cursor: loaded.state.cursor });
    return this.#queue;
  }

  #newClient(): ImsgClient | ReturnType<ClientFactory> {
    const client = (this.#opts.createClient ?? ((o) => new ImsgClient(o)))({
      cliPath: this.#opts.cliPath,
      dbPath: this.#opts.dbPath,
      env: this.#opts.env,
      firstRequestTimeoutMs: this.#opts.firstRequestTimeoutMs,
      requestTimeoutMs: this.#opts.requestTimeoutMs,
    });
    // From its first line (the probe's client becomes the watch session's): every protocol error counts.
    client.onProtocolError?.((err) => {
      this.#health.count('protocolErrors');
      this.#opts.onProtocolError?.(err.message);
    });
    return client;
  }

  /**
   * The start probe (channel spec §3, start-probe.ts): `initialize` + `chats.list` on a client
   * that, when it answered, becomes the watch session's; the binary checks only when needed.
   */
  async #probe(): Promise<ProbeResult> {
    const opts = { cliPath: this.#opts.cliPath, dbPath: this.#opts.dbPath, env: this.#opts.env, timeoutMs: this.#opts.firstRequestTimeoutMs, diagnosis: this.#opts.diagnosis?.() };
    if (this.#opts.probe) return this.#opts.probe(opts);
    const binaryFactsFile = this.#opts.binaryFactsFile;
    const run = (async (): Promise<ProbeResult> => {
      const started = Date.now();
      const client = this.#newClient();
      const outcome = await startProbe({ ...opts, ...(binaryFactsFile ? { binaryFactsFile } : {}) }, client);
      // A failed session is not reused: the watch session starts afresh and reports its own cause.
      if (outcome.ok && !this.#stopping) this.#probed = client;
      else await client.stop().catch(() => undefined);
      const result = { ...outcome.fields, durationMs: Date.now() - started };
      this.#versionToLearn = outcome.learnVersion && { learn: outcome.learnVersion, opts, result };
      return result;
    })();
    publishProbe(opts, run);
    return run;
  }

  /** After the first watch of a start: learn the version a fresh binary did not tell (one `--version`, off the start's path). */
  #afterWatching(): void {
    const pending = this.#versionToLearn;
    this.#versionToLearn = undefined;
    if (!pending) return;
    void pending.learn().then(
      ({ version }) => {
        if (!version) return;
        if (!this.#health.snapshot(0).imsgVersion) this.#health.update({ imsgVersion: version });
        // The permission rows show the version too: they get the probe again, now with it.
        publishProbe(pending.opts, Promise.resolve({ ...pending.result, version }));
      },
      () => undefined,
    );
  }

  async #probeOk(early?: Promise<ProbeResult>): Promise<boolean> {
    const probe = await (early ?? this.#probe());
    this.#health.update({ imsgVersion: probe.version, protocol: probe.protocol });
    if (!probe.fatal) {
      this.#needProbe = false;
      // Not fatal, but say why (an imsg that hangs on every request): not a bare "Starting…".
      if (!probe.ok && probe.error) this.#health.error(new Error(probe.error), probe.cause ?? classifyImsgError(new Error(probe.error)));
      return true;
    }
    const error = new Error(probe.error ?? 'imsg cannot be used');
    this.#health.error(error, probe.cause ?? classifyImsgError(error, this.#opts.diagnosis?.()));
    this.#health.update({ state: 'fatal' satisfies SupervisorState, nextRestartAt: undefined });
    return false;
  }

  /** Wait `ms` (or until retry/stop when undefined). */
  async #sleep(ms: number | undefined): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
      this.#wakeSleep = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
    this.#wakeSleep = undefined;
  }
}
