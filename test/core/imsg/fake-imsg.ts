// An in-memory stand-in for an `imsg rpc` child: the test plays the server side of the pipes.
import { PassThrough } from 'node:stream';
import type { ChildHandle, ExitInfo, SpawnChild } from '../../../electron/core/imsg/spawn-child.js';

/** A request line as the fake server parsed it. */
export interface SeenRequest {
  jsonrpc?: unknown;
  id: number;
  method: string;
  params: Record<string, unknown>;
}

/** Server side of a fake child; `spawn` hands the client side to an ImsgClient. */
export class FakeImsg {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly requests: SeenRequest[] = [];
  readonly rawRequestLines: string[] = [];
  readonly signals: NodeJS.Signals[] = [];
  readonly spawned: { file: string; args: readonly string[]; env: NodeJS.ProcessEnv }[] = [];
  /** Exit 0 when stdin ends (what imsg does on EOF). */
  exitOnEof = true;
  /** Signals that end the fake (a stubborn child ignores SIGTERM). */
  diesOn: NodeJS.Signals[] = ['SIGTERM', 'SIGKILL'];
  /** Answer requests automatically; return undefined to leave one unanswered. */
  autoRespond?: (req: SeenRequest) => Record<string, unknown> | undefined;
  #exit!: (info: ExitInfo) => void;
  readonly closed = new Promise<ExitInfo>((resolve) => {
    this.#exit = resolve;
  });
  #ended = false;
  #waiters: (() => void)[] = [];
  #buffer = '';

  constructor(readonly spawnError?: Error) {
    this.stdin.on('data', (chunk: Buffer) => this.#onStdin(chunk.toString('utf8')));
    this.stdin.on('end', () => {
      if (this.exitOnEof) this.exit(0, null);
    });
  }

  /** The SpawnChild to pass as the client's `spawn` option. */
  readonly spawn: SpawnChild = async (file, args, env) => {
    this.spawned.push({ file, args, env });
    if (this.spawnError) throw this.spawnError;
    const handle: ChildHandle = {
      pid: 4242,
      stdin: this.stdin,
      stdout: this.stdout,
      stderr: this.stderr,
      closed: this.closed,
      kill: (signal) => {
        this.signals.push(signal);
        if (this.diesOn.includes(signal)) this.exit(null, signal);
        return true;
      },
    };
    return handle;
  };

  #onStdin(text: string): void {
    this.#buffer += text;
    for (let lf = this.#buffer.indexOf('\n'); lf !== -1; lf = this.#buffer.indexOf('\n')) {
      const line = this.#buffer.slice(0, lf);
      this.#buffer = this.#buffer.slice(lf + 1);
      this.rawRequestLines.push(line);
      const req = JSON.parse(line) as SeenRequest;
      this.requests.push(req);
      const answer = this.autoRespond?.(req);
      if (answer) this.line({ jsonrpc: '2.0', id: req.id, ...answer });
      for (const wake of this.#waiters.splice(0)) wake();
    }
  }

  /** Resolves with the n-th request (0-based) once it has arrived. */
  async request(n: number): Promise<SeenRequest> {
    while (this.requests.length <= n) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    return this.requests[n] as SeenRequest;
  }

  /** Write one stdout line: objects as JSON, strings verbatim (a newline is added). */
  line(value: unknown): void {
    this.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  }

  /** Answer request `id` with a result. */
  result(id: number, result: unknown): void {
    this.line({ jsonrpc: '2.0', id, result });
  }

  /** Answer request `id` with an error. */
  error(id: number, code: number, message: string, data?: unknown): void {
    this.line({ jsonrpc: '2.0', id, error: { code, message, ...(data === undefined ? {} : { data }) } });
  }

  /** Send a notification. */
  notify(method: string, params: unknown): void {
    this.line({ jsonrpc: '2.0', method, params });
  }

  /** End the process: close the pipes, then report the exit. */
  exit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#ended) return;
    this.#ended = true;
    this.stdout.end();
    this.stderr.end();
    // Like Node's 'close': only after the reader has drained stdout.
    const report = (): void => void setImmediate(() => this.#exit({ code, signal }));
    if (this.stdout.readableFlowing) this.stdout.once('end', report);
    else report();
  }
}
