// One ACP session of one binding: its agent process (kept across messages when persistent,
// restarted with backoff when it dies, resumed with session/load when the agent can), prompts,
// permission questions, /reset and close.
import type { RequestPermissionRequest, RequestPermissionResponse } from '@agentclientprotocol/sdk';
import { AgentError } from '../agents/agent-error.js';
import type { AgentReply, AgentRequest } from '../agents/types.js';
import { backoffDelay } from '../imsg/backoff.js';
import type { ConversationBinding } from '../policy/route.js';
// Type only: the SDK (its zod schemas take ~50 ms to build) loads when the first ACP agent starts, not at every app start.
import type { AcpProcess } from './acp-process.js';
import { type AcpOptions, agentArgv, agentCwd, agentEnv } from './agent-command.js';
import { formatQuestion, permissionResponse } from './permission-relay.js';
import { chatTargetOf, questionKey, type SessionHost } from './session-host.js';
import { promptBlocks, Turn } from './turn.js';
import { writeInside } from './write-inside.js';

/** A session's state as shown. */
export type AcpSessionState = 'idle' | 'running' | 'starting' | 'error' | 'closed';

const DEFAULT_PERMISSION_TIMEOUT_SECONDS = 300;
/** Restarts of a dead persistent agent before it waits for the next message to try again. */
const MAX_RESTARTS = 5;

/** One binding's (or one unbound conversation's) ACP session. */
export class AcpSession {
  state: AcpSessionState = 'idle';
  sessionId: string | undefined;
  error: string | undefined;
  readonly since: string;
  lastActivityAt: string | undefined;
  /** The account and reply target of the last message (for restarts and the views). */
  accountId: string | undefined;
  #proc: AcpProcess | undefined;
  #starting: Promise<AcpProcess> | undefined;
  #turn: Turn | undefined;
  #closed = false;
  #attempt = 0;
  #startedAt = 0;
  #restart: NodeJS.Timeout | undefined;

  constructor(
    readonly key: string,
    readonly agentId: string,
    readonly opts: AcpOptions,
    readonly binding: ConversationBinding | undefined,
    private readonly host: SessionHost,
  ) {
    this.since = new Date(host.now()).toISOString();
    this.sessionId = host.store.sessionOf(key);
    this.accountId = binding?.accountId;
  }

  /** Persistent (default) or one process per message. */
  get persistent(): boolean {
    return (this.opts.mode ?? 'persistent') === 'persistent';
  }

  /** The agent's pid while it runs. */
  get pid(): number | undefined {
    return this.#proc && !this.#proc.exited ? this.#proc.pid : undefined;
  }

  /** Answer one message: prompt the session and join the streamed chunks into the reply. */
  async reply(req: AgentRequest): Promise<AgentReply> {
    if (this.#closed) throw this.#fail('config', 'the ACP session was closed');
    this.accountId = req.accountId;
    const proc = this.persistent ? await this.ensure() : await this.#spawn();
    const sessionId = this.persistent ? (this.sessionId as string) : await this.#newSession(proc);
    const turn = new Turn(sessionId, req, this.opts, this.host);
    this.#turn = turn;
    this.#set('running');
    const abort = () => proc.cancel(sessionId);
    req.signal?.addEventListener('abort', abort, { once: true });
    try {
      const stop = await proc.prompt(sessionId, promptBlocks(req));
      this.#set('idle');
      const text = turn.text.trim();
      if (stop === 'refusal') return { text: text || 'The agent declined to answer.', provider: 'acp', model: this.opts.agent };
      if (stop === 'cancelled') return { text: null, provider: 'acp', warnings: ['the ACP prompt was cancelled'] };
      const warnings = stop === 'end_turn' ? [] : [`the ACP agent stopped early (${stop})`];
      return { text: text === '' ? null : text, provider: 'acp', model: this.opts.agent, warnings };
    } catch (err) {
      if (await proc.settled()) throw this.#fail('exit', `the ACP agent exited mid-reply${this.error ? ` (${this.error})` : ''}`);
      this.#set('idle');
      throw this.#fail('invalid-reply', `session/prompt failed: ${(err as Error).message}`);
    } finally {
      turn.end();
      req.signal?.removeEventListener('abort', abort);
      if (this.#turn === turn) this.#turn = undefined;
      this.lastActivityAt = new Date(this.host.now()).toISOString();
      if (!this.persistent) await this.#stopProcess();
      this.host.changed();
    }
  }

  /** Start the process and session (load the last one when the agent supports it) unless running. */
  async ensure(): Promise<AcpProcess> {
    if (this.#proc && !this.#proc.exited && this.sessionId) return this.#proc;
    this.#starting ??= this.#start().finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  /** `/new`, `/reset`: cancel what runs and start a fresh session in the same process; the new id. */
  async reset(): Promise<string | undefined> {
    this.cancel();
    this.sessionId = undefined;
    await this.host.store.setSession(this.key, undefined).catch(() => undefined);
    if (!this.persistent || !this.#proc || this.#proc.exited) return undefined;
    const id = await this.#newSession(this.#proc);
    this.host.changed();
    return id;
  }

  /** `session/cancel` the running prompt and answer its open permission question `cancelled`. */
  cancel(): void {
    const turn = this.#turn;
    if (!turn) return;
    this.host.relay.cancel(questionKey(turn.target.accountId, turn.target.to));
    if (this.#proc && !this.#proc.exited) this.#proc.cancel(turn.sessionId);
  }

  /** Close for good: cancel, stop the process (its whole group). */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#restart);
    this.cancel();
    await this.#stopProcess();
    this.#set('closed');
  }

  async #start(): Promise<AcpProcess> {
    this.#set('starting');
    try {
      const proc = await this.#spawn();
      const previous = this.sessionId;
      if (previous && proc.abilities.loadSession) {
        try {
          await proc.loadSession(previous, this.#cwd());
          this.host.log(this.accountId ?? '-', `ACP agent "${this.agentId}" resumed session ${previous} (session/load)`);
        } catch (err) {
          this.host.log(this.accountId ?? '-', `ACP session ${previous} could not be loaded (${(err as Error).message}); a new one starts`);
          await this.#newSession(proc);
        }
      } else await this.#newSession(proc);
      this.#set('idle');
      return proc;
    } catch (err) {
      if (err instanceof AgentError) throw err;
      throw this.#fail('exit', `the ACP agent could not start: ${(err as Error).message}`);
    }
  }

  async #spawn(): Promise<AcpProcess> {
    const argv = agentArgv(this.opts);
    if ('error' in argv) throw this.#fail('config', argv.error);
    const cwd = agentCwd(this.opts, this.host.stateDir, this.key);
    if (typeof cwd !== 'string') throw this.#fail('config', cwd.error);
    const root = cwd;
    // The process may end before start() returns: the exit handler must not touch `proc` then.
    const seen: { proc?: AcpProcess; pid?: number } = {};
    const { AcpProcess } = await import('./acp-process.js');
    const proc = await AcpProcess.start(
      { argv, cwd, env: agentEnv(this.opts, this.host.env), allowFsWrite: this.opts.allowFsWrite === true, startTimeoutMs: this.host.timing.startTimeoutMs },
      {
        onUpdate: (n) => this.#turn?.update(n),
        onPermission: (req) => this.#permission(req),
        onWriteFile: (path, content) => writeInside(root, path, content),
        onExit: (info) => this.#exited(seen.proc, seen.pid, info),
      },
      (pid) => {
        seen.pid = pid;
        return this.host.pids.add({ pid, argv: [...argv], startedAt: new Date(this.host.now()).toISOString() });
      },
    );
    seen.proc = proc;
    this.#proc = proc;
    this.#startedAt = this.host.now();
    return proc;
  }

  async #newSession(proc: AcpProcess): Promise<string> {
    const id = await proc.newSession(this.#cwd());
    this.sessionId = id;
    if (this.persistent) await this.host.store.setSession(this.key, id).catch(() => undefined);
    return id;
  }

  #cwd(): string {
    const cwd = agentCwd(this.opts, this.host.stateDir, this.key);
    return typeof cwd === 'string' ? cwd : this.host.stateDir;
  }

  /** The process ended: forget its pid; an unexpected end of a persistent agent restarts it with backoff. */
  #exited(proc: AcpProcess | undefined, pid: number | undefined, info: { code: number | null; signal: string | null; stderrTail: string }): void {
    if (pid !== undefined) void this.host.pids.remove(pid);
    if (!proc || this.#closed || !this.persistent || this.#proc !== proc) return;
    const how = info.signal ?? `exit code ${info.code}`;
    this.error = `the agent process ended (${how})${info.stderrTail ? `: ${info.stderrTail.slice(-200)}` : ''}`;
    this.#set('error');
    this.host.log(this.accountId ?? '-', `ACP agent "${this.agentId}" (${this.key}) ${this.error}`, 'agent-error');
    if (this.host.now() - this.#startedAt > 60_000) this.#attempt = 0;
    this.#scheduleRestart();
  }

  /** Restart after a backoff; after {@link MAX_RESTARTS} failed tries it waits for the next message. */
  #scheduleRestart(): void {
    if (this.#closed || this.#attempt >= MAX_RESTARTS) return;
    this.#attempt++;
    const delay = backoffDelay(this.#attempt, { baseMs: this.host.timing.restartBaseMs, maxMs: 60_000, jitterRatio: 0.1, stableMs: 60_000 });
    clearTimeout(this.#restart);
    this.#restart = setTimeout(() => void this.ensure().catch(() => this.#scheduleRestart()), delay);
    this.#restart.unref?.();
  }

  async #permission(req: RequestPermissionRequest): Promise<RequestPermissionResponse> {
    const turn = this.#turn;
    if (!turn) return { outcome: { outcome: 'cancelled' } };
    const target = chatTargetOf(turn.req);
    const say = (text: string) => this.host.chat.send(target, text).catch((err: Error) => this.host.log(target.accountId, `ACP permission line not sent: ${err.message}`));
    const what = req.toolCall.title?.trim() || 'run a tool';
    // Only the owner, in a direct chat, is asked; everyone else's requests are declined.
    if (target.isGroup || turn.req.context.CommandAuthorized !== true) {
      await say(`Declined the agent's request to ${what} (only the owner is asked, in a direct chat).`);
      this.host.log(target.accountId, `ACP permission "${what}" declined: ${target.isGroup ? 'group chat' : 'sender is not the owner'}`);
      return permissionResponse({ kind: 'timeout' }, req.options);
    }
    const seconds = this.opts.permissionTimeoutSeconds ?? DEFAULT_PERMISSION_TIMEOUT_SECONDS;
    const answer = this.host.relay.ask(questionKey(target.accountId, target.to), req.options, seconds * 1000);
    await say(formatQuestion(req, seconds));
    const outcome = await answer;
    if (outcome.kind === 'timeout') await say(`No answer within ${seconds} s: declined.`);
    if (outcome.kind === 'invalid') await say(`"${outcome.text.slice(0, 40)}" is not one of the options: declined.`);
    const chosen = outcome.kind === 'selected' ? outcome.option.name : outcome.kind;
    this.host.log(target.accountId, `ACP permission "${what}": ${chosen}`);
    return permissionResponse(outcome, req.options);
  }

  async #stopProcess(): Promise<void> {
    const proc = this.#proc;
    this.#proc = undefined;
    if (proc) {
      await proc.stop();
      await this.host.pids.remove(proc.pid);
    }
  }

  #set(state: AcpSessionState): void {
    if (state !== 'error') this.error = state === 'closed' ? this.error : undefined;
    this.state = this.#closed ? 'closed' : state;
    this.host.changed();
  }

  #fail(kind: 'exit' | 'config' | 'invalid-reply' | 'timeout', message: string): AgentError {
    this.error = message;
    this.#set('error');
    return new AgentError({ agentId: this.agentId, backend: 'acp', kind, message });
  }
}
