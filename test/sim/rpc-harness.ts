// Test helper: spawn the built `imsg-sim`, talk JSON-RPC lines to it, await responses/notifications.
import { execa, type ResultPromise } from 'execa';
import { SIM_BIN } from '../helpers/bins.js';
import { simEnv } from './sim-process.js';

export { makeSimDb, runSim, simEnv, type SimRunResult } from './sim-process.js';

/** One stdout line of the simulator: the raw text and its parsed object. */
export interface RpcLine {
  readonly raw: string;
  readonly message: Record<string, unknown>;
}

/** A predicate over parsed stdout messages. */
export type LinePredicate = (message: Record<string, unknown>) => boolean;

/** Options for {@link SimRpc.start}. */
export interface SimRpcOptions {
  /** chat.db path passed as `--db`. */
  readonly db: string;
  /** Extra environment (IMSG_SIM_* switches); inherited IMSG_* variables are dropped first. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra `rpc` arguments. */
  readonly args?: readonly string[];
}

/** Options for waiting. */
export interface WaitOptions {
  /** Give up after this long (default 5 s). */
  readonly timeoutMs?: number;
  /** Only consider lines with index ≥ this (default 0: lines already received count too). */
  readonly after?: number;
}

/** Matches the response to request `id`. */
export function isResponseTo(id: unknown): LinePredicate {
  return (m) => !('method' in m) && JSON.stringify(m.id) === JSON.stringify(id);
}

/** Matches a `method` notification, optionally for one subscription. */
export function isNotification(method: string, subscription?: number): LinePredicate {
  return (m) => {
    if (m.method !== method) return false;
    const params = m.params as Record<string, unknown> | undefined;
    return subscription === undefined || params?.subscription === subscription;
  };
}

/** A running `imsg-sim rpc` process with line-level access to its stdout. */
export class SimRpc {
  /** Every stdout line so far, in order. */
  readonly lines: RpcLine[] = [];
  private stderrText = '';
  private pending = '';
  private nextId = 1_000_000;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly child: ResultPromise) {
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => this.onData(chunk));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString('utf8')));
  }

  /** Spawn `node dist/bin/imsg-sim.js rpc --db <db>`. */
  static start(opts: SimRpcOptions): SimRpc {
    const child = execa(process.execPath, [SIM_BIN, 'rpc', '--db', opts.db, ...(opts.args ?? [])], {
      env: simEnv(opts.env),
      extendEnv: false,
      buffer: false,
      reject: false,
    });
    return new SimRpc(child);
  }

  /** What the process wrote to stderr so far (imsg writes nothing there). */
  get stderr(): string {
    return this.stderrText;
  }

  private onData(chunk: string): void {
    this.pending += chunk;
    let nl = this.pending.indexOf('\n');
    while (nl >= 0) {
      const raw = this.pending.slice(0, nl);
      this.pending = this.pending.slice(nl + 1);
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        message = { unparsable: raw };
      }
      this.lines.push({ raw, message });
      nl = this.pending.indexOf('\n');
    }
    for (const wake of [...this.waiters]) wake();
  }

  /** Write one line: an object is JSON-encoded, a string is sent as is (a newline is appended). */
  send(line: string | Record<string, unknown>): void {
    this.child.stdin?.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  }

  /** Send a request with a fresh numeric id and resolve to its response object. */
  async request(method: string, params?: Record<string, unknown>, opts: WaitOptions = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, ...(params !== undefined ? { params } : {}) });
    return (await this.waitFor(isResponseTo(id), opts)).message;
  }

  /** Send a request and resolve to its `result` (rejects when the response is an error). */
  async call(method: string, params?: Record<string, unknown>, opts: WaitOptions = {}): Promise<Record<string, unknown>> {
    const res = await this.request(method, params, opts);
    if (!('result' in res)) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
    return res.result as Record<string, unknown>;
  }

  /** The first line (index ≥ `after`) matching `predicate`, waiting up to `timeoutMs`. */
  async waitFor(predicate: LinePredicate, opts: WaitOptions = {}): Promise<RpcLine> {
    const [line] = await this.waitForCount(predicate, 1, opts);
    if (!line) throw new Error('unreachable: waitForCount returned no line');
    return line;
  }

  /** The first `count` matching lines (index ≥ `after`), waiting up to `timeoutMs` for all of them. */
  waitForCount(predicate: LinePredicate, count: number, opts: WaitOptions = {}): Promise<RpcLine[]> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const from = opts.after ?? 0;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hits = this.lines.slice(from).filter((l) => predicate(l.message));
        if (hits.length < count) return false;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(hits.slice(0, count));
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        const tail = this.lines.slice(-5).map((l) => l.raw).join('\n');
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${count} matching line(s); last lines:\n${tail}\nstderr: ${this.stderrText}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(wake);
    });
  }

  /** `message` notification payloads received so far (optionally for one subscription). */
  messages(subscription?: number): Record<string, unknown>[] {
    return this.lines
      .filter((l) => isNotification('message', subscription)(l.message))
      .map((l) => (l.message.params as { message: Record<string, unknown> }).message);
  }

  /** Close stdin (EOF) and resolve to the exit code; kills the process if it has not exited in `timeoutMs`. */
  async close(timeoutMs = 5000): Promise<number | undefined> {
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const result = await this.child;
    clearTimeout(timer);
    return result.exitCode;
  }
}
