// The ACP runtime of the app: every session (one per binding), the chat-made bindings, the pid
// record that reaps agents a crashed run left behind, and the permission questions in flight.
import type { AcpRuntimeFactory } from '../agents/agent-availability.js';
import type { AgentReply, AgentRequest } from '../agents/types.js';
import type { InboundDecision } from '../policy/decide-types.js';
import type { ConversationBinding } from '../policy/route.js';
import { AcpBackend, type AcpSessions } from './acp-backend.js';
import { AcpSession } from './acp-session.js';
import type { AcpOptions } from './agent-command.js';
import { BindingStore, type ChatBinding } from './binding-store.js';
import { PermissionRelay, type QuestionOutcome } from './permission-relay.js';
import { PidRecord } from './pid-record.js';
import { type AcpTiming, type ChatPort, DEFAULT_ACP_TIMING, questionKey, type SessionHost } from './session-host.js';

/** How to build the manager. */
export interface AcpManagerOptions {
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly chat: ChatPort;
  readonly log: SessionHost['log'];
  readonly changed: () => void;
  readonly now?: () => number;
  readonly timing?: Partial<AcpTiming>;
}

/** Owns every ACP session of the app. */
export class AcpManager implements AcpSessions {
  readonly store: BindingStore;
  readonly relay = new PermissionRelay();
  readonly pids: PidRecord;
  readonly #host: SessionHost;
  readonly #sessions = new Map<string, AcpSession>();
  readonly #onExit = () => this.pids.killAllSync();
  readonly startedAt: string;

  constructor(opts: AcpManagerOptions) {
    this.store = new BindingStore(opts.stateDir);
    this.pids = new PidRecord(opts.stateDir);
    const now = opts.now ?? Date.now;
    this.startedAt = new Date(now()).toISOString();
    this.#host = { stateDir: opts.stateDir, env: opts.env, pids: this.pids, store: this.store, relay: this.relay, chat: opts.chat, timing: { ...DEFAULT_ACP_TIMING, ...opts.timing }, changed: opts.changed, log: opts.log, now };
  }

  /** End the agents a previous run left behind (crash, SIGKILL) and guard this run's against a hard exit. */
  async start(): Promise<void> {
    process.on('exit', this.#onExit);
    if (this.store.problem) this.#host.log('-', `ACP bindings not loaded: ${this.store.problem}`, 'agent-error');
    for (const left of await this.pids.reap()) this.#host.log('-', `ended ACP agent pid ${left.pid} (${left.argv.join(' ')}) left running by the previous run`);
  }

  /** Close every session: cancel prompts, decline open questions, stop every agent process. */
  async stop(): Promise<void> {
    this.relay.cancelAll();
    await Promise.all([...this.#sessions.values()].map((s) => s.close().catch(() => undefined)));
    this.#sessions.clear();
    process.off('exit', this.#onExit);
  }

  /** The registry's factory for `runtime: {type: "acp"}` agents. */
  readonly factory: AcpRuntimeFactory = (agentId, agent, deps) => new AcpBackend(agentId, agent, this, undefined, deps.env);

  /** Bindings made from the chat (they route first). */
  chatBindings(): readonly ConversationBinding[] {
    return this.store.bindings;
  }

  /** Answer through the session of `key` (created on first use; rebuilt when its agent's options changed). */
  reply(key: string, agentId: string, opts: AcpOptions, binding: ConversationBinding | undefined, req: AgentRequest): Promise<AgentReply> {
    return this.#session(key, agentId, opts, binding).reply(req);
  }

  /** Start the session of `key` now (so `/acp spawn` can say whether the agent runs); its id. */
  async startSession(key: string, agentId: string, opts: AcpOptions, binding: ConversationBinding): Promise<string | undefined> {
    const session = this.#session(key, agentId, opts, binding);
    if (session.persistent) await session.ensure();
    return session.sessionId;
  }

  /** `/reset` of `key`: a new session in place (undefined when no process runs; the next message starts one). */
  async reset(key: string): Promise<string | undefined> {
    const session = this.#sessions.get(key);
    if (session) return session.reset();
    await this.store.setSession(key, undefined).catch(() => undefined);
    return undefined;
  }

  /** The live session of `key`, if any. */
  get(key: string): AcpSession | undefined {
    return this.#sessions.get(key);
  }

  /** The session id last stored for `key`. */
  sessionOf(key: string): string | undefined {
    return this.store.sessionOf(key);
  }

  /** Every live session. */
  sessions(): AcpSession[] {
    return [...this.#sessions.values()];
  }

  /** Add a chat binding (on disk before it counts). */
  async bind(binding: ChatBinding): Promise<void> {
    await this.store.add(binding);
    this.#host.changed();
  }

  /** Close the session of `id` (its process ends) and remove the chat binding of that id, if any. */
  async close(id: string): Promise<{ removed: boolean; closed: boolean }> {
    const session = this.#sessions.get(id);
    this.#sessions.delete(id);
    if (session) await session.close();
    const removed = this.store.bindings.some((b) => b.id === id);
    if (removed) await this.store.remove(id);
    else await this.store.setSession(id, undefined).catch(() => undefined);
    this.#host.changed();
    return { removed, closed: session !== undefined };
  }

  /**
   * A message that answers an open permission question of its conversation: taken (true) when the
   * sender is authorized; the question then resolves and the message is not dispatched.
   */
  offerAnswer(accountId: string, d: Pick<InboundDecision, 'replyTarget' | 'commandAuthorized' | 'bodyText'>): QuestionOutcome | undefined {
    if (!d.replyTarget || !d.commandAuthorized) return undefined;
    return this.relay.answer(questionKey(accountId, d.replyTarget), d.bodyText);
  }

  /** The session of `key`, created or replaced when the agent or its options changed. */
  #session(key: string, agentId: string, opts: AcpOptions, binding: ConversationBinding | undefined): AcpSession {
    const existing = this.#sessions.get(key);
    if (existing && existing.agentId === agentId && JSON.stringify(existing.opts) === JSON.stringify(opts) && existing.state !== 'closed') return existing;
    if (existing) void existing.close();
    const session = new AcpSession(key, agentId, opts, binding, this.#host);
    this.#sessions.set(key, session);
    return session;
  }
}
