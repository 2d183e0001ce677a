// One `imsg rpc` child process: spawn, requests, watch subscriptions, shutdown. No restarts here
// (the supervisor owns those).
import { expandHome } from '../fs/expand-home.js';
import type { ImsgClientOptions } from './client-options.js';
import { ListenerSet } from './listener-set.js';
import { ImsgExitedError, ImsgNotRunningError, ImsgProtocolError, ImsgSpawnError } from './rpc-errors.js';
import { RpcSession, type AcceptResult, type ImsgNotification } from './rpc-session.js';
import { buildSpawnEnv } from './spawn-env.js';
import { spawnWithExeca, type ChildHandle, type ExitInfo } from './spawn-child.js';
import { stopChild } from './stop-child.js';
import type { WatchHandlers } from './subscription-hub.js';

export type { ImsgClientOptions } from './client-options.js';
export type { ImsgNotification } from './rpc-session.js';
export type { ExitInfo } from './spawn-child.js';
export type { WatchHandlers } from './subscription-hub.js';

type State = 'idle' | 'starting' | 'running' | 'exited';

/** One `imsg rpc` child process and the JSON-RPC conversation with it. */
export class ImsgClient {
  readonly #opts: ImsgClientOptions;
  readonly #session: RpcSession;
  readonly #exits = new ListenerSet<ExitInfo>();
  #state: State = 'idle';
  #child: ChildHandle | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  #stopRequested = false;

  constructor(opts: ImsgClientOptions) {
    this.#opts = opts;
    this.#session = new RpcSession(opts);
  }

  /** Spawn `<cliPath> rpc [--db P]`; rejects with ImsgSpawnError if it cannot be spawned. */
  start(): Promise<void> {
    this.#starting ??= this.#spawn();
    return this.#starting;
  }

  /** The child's pid while it runs. */
  get pid(): number | undefined {
    return this.#state === 'running' ? this.#child?.pid : undefined;
  }

  /** True between a successful start and the child's end (or stop). */
  get running(): boolean {
    return this.#state === 'running' && !this.#stopRequested;
  }

  /** Send one request; rejects with a typed ImsgError. The first request uses firstRequestTimeoutMs unless `timeoutMs` is given. */
  request<T = unknown>(method: string, params?: Record<string, unknown>, opts?: { timeoutMs?: number }): Promise<T> {
    return this.#send(method, params, opts, (result) => result) as Promise<T>;
  }

  /** watch.subscribe; notifications for ids not yet known are buffered and replayed in order once the id is known. */
  async subscribe(params: Record<string, unknown>, handlers: WatchHandlers, opts?: { timeoutMs?: number }): Promise<number> {
    const hub = this.#session.hub;
    hub.beginSubscribe();
    try {
      const id = await this.#send('watch.subscribe', params, opts, (result) => {
        const sub = (result as { subscription?: unknown } | null)?.subscription;
        if (typeof sub !== 'number') throw new ImsgProtocolError(JSON.stringify(result) ?? '', 'watch.subscribe result has no numeric subscription');
        hub.register(sub, handlers);
        return sub;
      });
      return id as number;
    } finally {
      hub.endSubscribe();
    }
  }

  /** watch.unsubscribe; handlers are detached at once, late notifications are dropped. */
  async unsubscribe(subscription: number): Promise<void> {
    this.#session.hub.remove(subscription);
    await this.request('watch.unsubscribe', { subscription });
  }

  /** Every notification, raw. */
  onNotification(listener: (n: ImsgNotification) => void): () => void {
    return this.#session.notifications.add(listener);
  }

  /** Called once when the child has ended (after pending requests were rejected). */
  onExit(listener: (info: ExitInfo) => void): () => void {
    return this.#exits.add(listener);
  }

  /** Malformed line etc.: reported, never thrown, never fatal. */
  onProtocolError(listener: (err: ImsgProtocolError) => void): () => void {
    return this.#session.protocolErrors.add(listener);
  }

  /** Every non-empty stderr line as it arrives. */
  onStderrLine(listener: (line: string) => void): () => void {
    return this.#session.stderrLines.add(listener);
  }

  /** The last stderr lines (and non-JSON stdout lines, prefixed `[stdout] `). */
  stderrTail(): readonly string[] {
    return this.#session.ring.lines();
  }

  /** End stdin, wait up to 500 ms, SIGTERM, SIGKILL after 2 s; idempotent; pending requests get `imsg rpc closed`. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    this.#stopRequested = true;
    this.#session.pending.rejectAll(new ImsgExitedError(null, null, true));
    await this.#starting?.catch(() => undefined);
    const child = this.#child;
    if (!child || this.#state !== 'running') {
      this.#state = 'exited';
      return;
    }
    this.#onClosed(await stopChild(child, this.#opts.stopDelays));
  }

  async #spawn(): Promise<void> {
    this.#state = 'starting';
    const cliPath = expandHome(this.#opts.cliPath);
    const args = ['rpc', ...(this.#opts.dbPath ? ['--db', expandHome(this.#opts.dbPath)] : [])];
    let child: ChildHandle;
    try {
      child = await (this.#opts.spawn ?? spawnWithExeca)(cliPath, args, buildSpawnEnv(this.#opts.env ?? process.env));
    } catch (err) {
      this.#state = 'exited';
      throw new ImsgSpawnError(cliPath, err);
    }
    this.#child = child;
    this.#state = 'running';
    this.#session.attach(child);
    void child.closed.then((info) => this.#onClosed(info));
  }

  #onClosed(info: ExitInfo): void {
    if (this.#state === 'exited') return;
    this.#state = 'exited';
    this.#session.pending.rejectAll(new ImsgExitedError(info.code, info.signal, this.#stopRequested || undefined));
    this.#exits.emit(info);
  }

  #send(method: string, params: Record<string, unknown> | undefined, opts: { timeoutMs?: number } | undefined, accept: AcceptResult): Promise<unknown> {
    const child = this.#child;
    if (this.#state !== 'running' || this.#stopRequested || !child) return Promise.reject(new ImsgNotRunningError());
    const timeoutFor = (first: boolean): number => opts?.timeoutMs ?? (first ? (this.#opts.firstRequestTimeoutMs ?? 30_000) : (this.#opts.requestTimeoutMs ?? 10_000));
    return this.#session.send(child, method, params, timeoutFor, accept);
  }
}
