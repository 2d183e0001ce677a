// One ACP agent process: spawned with execa (argv only, its own process group), spoken to with
// the official SDK's client side over its stdio (ndjson framing by the SDK, never by hand).
import { mkdir } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { client, ndJsonStream, type ClientConnection } from '@agentclientprotocol/sdk';
import type { ContentBlock, RequestPermissionRequest, RequestPermissionResponse, SessionNotification, StopReason } from '@agentclientprotocol/sdk';
import { execa } from 'execa';
import { stopChild } from '../imsg/stop-child.js';
import { signalGroup as killGroup } from '../platform/process-group.js';

/** What the owner of a process handles: updates, permission questions, writes, the exit. */
export interface AcpProcessHandlers {
  onUpdate(n: SessionNotification): void;
  onPermission(req: RequestPermissionRequest): Promise<RequestPermissionResponse>;
  /** Only called when the process was started with `allowFsWrite`. */
  onWriteFile?(path: string, content: string): Promise<void>;
  onExit(info: { code: number | null; signal: string | null; stderrTail: string }): void;
}

/** How to start one agent process. */
export interface AcpProcessOptions {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly allowFsWrite: boolean;
  /** Limit for spawn + initialize (ms). */
  readonly startTimeoutMs: number;
}

/** What the agent said it can do. */
export interface AgentAbilities {
  readonly loadSession: boolean;
}

const STDERR_TAIL = 2000;

/** A running agent process and its ACP connection. */
export class AcpProcess {
  #exited = false;
  #ended: Promise<string> = Promise.resolve('');

  private constructor(
    readonly pid: number,
    private readonly child: ReturnType<typeof execa>,
    private readonly conn: ClientConnection,
    readonly abilities: AgentAbilities,
  ) {}

  /** Spawn, connect and `initialize` (no terminal; fs writes only when allowed). Rejects with a plain reason. */
  static async start(opts: AcpProcessOptions, handlers: AcpProcessHandlers, onSpawn: (pid: number) => Promise<void>): Promise<AcpProcess> {
    const [file, ...args] = opts.argv;
    if (!file) throw new Error('the agent command is empty');
    await mkdir(opts.cwd, { recursive: true, mode: 0o700 });
    const child = execa(file, args, { cwd: opts.cwd, env: opts.env, extendEnv: false, detached: true, stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, reject: false });
    child.catch(() => undefined);
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', (err) => reject(new Error(`cannot start ${file}: ${(err as Error).message}`)));
      child.once('spawn', () => resolve(child.pid as number));
    });
    await onSpawn(pid);
    const stdin = child.stdin as Writable;
    stdin.on('error', () => undefined);
    let tail = '';
    child.stderr?.on('data', (c: Buffer) => (tail = (tail + c.toString('utf8')).slice(-STDERR_TAIL)));
    const app = client({ name: 'imsg-companion' })
      .onNotification('session/update', ({ params }) => handlers.onUpdate(params))
      .onRequest('session/request_permission', ({ params }) => handlers.onPermission(params));
    if (opts.allowFsWrite && handlers.onWriteFile) {
      const write = handlers.onWriteFile;
      app.onRequest('fs/write_text_file', async ({ params }) => void (await write(params.path, params.content)));
    }
    const conn = app.connect(ndJsonStream(Writable.toWeb(stdin) as WritableStream<Uint8Array>, Readable.toWeb(child.stdout as Readable) as ReadableStream<Uint8Array>));
    let proc: AcpProcess | undefined;
    const exited = new Promise<string>((resolve) => {
      child.once('close', (code: number | null, signal: string | null) => {
        if (proc) proc.#exited = true;
        conn.close(new Error('the agent process exited'));
        handlers.onExit({ code, signal, stderrTail: tail.trim() });
        resolve(`the agent exited during start (${signal ?? `exit code ${code}`})${tail.trim() ? `: ${tail.trim().slice(-300)}` : ''}`);
      });
    });
    try {
      const init = await within(
        conn.agent.request('initialize', { protocolVersion: 1, clientCapabilities: { fs: { readTextFile: false, writeTextFile: opts.allowFsWrite }, terminal: false }, clientInfo: { name: 'imsg-companion', version: '1' } }),
        opts.startTimeoutMs,
        exited,
        'initialize',
      );
      proc = new AcpProcess(pid, child, conn, { loadSession: init.agentCapabilities?.loadSession === true });
      proc.#ended = exited;
      return proc;
    } catch (err) {
      killGroup(pid, 'SIGKILL');
      throw err;
    }
  }

  /** True once the process ended. */
  get exited(): boolean {
    return this.#exited || this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Wait (at most `ms`) for the exit that usually follows a closed connection; true once it ended. */
  async settled(ms = 1000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.#ended, new Promise((r) => (timer = setTimeout(r, ms)))]);
    clearTimeout(timer);
    return this.exited;
  }

  /** `session/new` in `cwd`; resolves to the session id. */
  async newSession(cwd: string): Promise<string> {
    return (await this.conn.agent.request('session/new', { cwd, mcpServers: [] })).sessionId;
  }

  /** `session/load` of an earlier session (only when the agent advertised `loadSession`). */
  async loadSession(sessionId: string, cwd: string): Promise<void> {
    await this.conn.agent.request('session/load', { sessionId, cwd, mcpServers: [] });
  }

  /** `session/prompt`; resolves to the stop reason once the turn ended. */
  async prompt(sessionId: string, prompt: ContentBlock[]): Promise<StopReason> {
    return (await this.conn.agent.request('session/prompt', { sessionId, prompt })).stopReason;
  }

  /** `session/cancel` (a notification; the prompt then ends with `cancelled`). */
  cancel(sessionId: string): void {
    void this.conn.agent.notify('session/cancel', { sessionId }).catch(() => undefined);
  }

  /** End the process: EOF, then SIGTERM, then SIGKILL to its whole process group. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const child = this.child;
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      if (this.exited) resolve({ code: child.exitCode ?? null, signal: null });
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
    });
    await stopChild({ pid: this.pid, stdin: child.stdin as Writable, stdout: child.stdout as Readable, stderr: child.stderr as Readable, closed, kill: (signal) => killGroup(this.pid, signal) }, { graceMs: 300, termMs: 1500, killMs: 1500 });
    // Grandchildren the agent started share its group: make sure none outlive it.
    killGroup(this.pid, 'SIGKILL');
  }
}

/** `promise`, or a rejection naming `what` after `ms` or once the process exited. */
async function within<T>(promise: Promise<T>, ms: number, exited: Promise<string>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the agent did not answer ${what} within ${Math.round(ms / 1000)} s`)), ms);
  });
  const died = exited.then((reason) => Promise.reject(new Error(reason)));
  try {
    return await Promise.race([promise, timeout, died]);
  } catch (err) {
    // The connection closes (stdout ended) just before the exit is seen: report the exit.
    let wait: NodeJS.Timeout | undefined;
    const reason = await Promise.race([exited, new Promise<undefined>((r) => (wait = setTimeout(() => r(undefined), 1000)))]);
    clearTimeout(wait);
    throw reason ? new Error(reason) : err;
  } finally {
    clearTimeout(timer);
  }
}
