// One enabled account at run time: its supervised imsg, its decision caches, its reply lanes.
import { join } from 'node:path';
import type { ResolvedAccount } from '../config/accounts.js';
import { watchStateFile } from '../imsg/cursor-store.js';
import { ImsgSupervisor } from '../imsg/supervisor.js';
import type { DecisionCaches } from '../policy/decide-types.js';
import { SentMessageCache } from '../policy/echo-cache.js';
import { GroupHistory } from '../policy/history.js';
import { LoopLimiter } from '../policy/loop-limiter.js';
import { SelfChatCache } from '../policy/self-chat-cache.js';
import { resolveRemoteHost } from '../remote/index.js';
import { runChatCommand } from './chat-commands.js';
import { jobBase } from '../replies/dispatch-job.js';
import { echoTarget } from './echo-target.js';
import { resendUnsent } from '../replies/resend-check.js';
import { handleInbound } from './inbound-handler.js';
import { invalidInputHooks } from './invalid-input.js';
import { type EchoTarget, sendChunks, type SentChunk } from '../replies/outbound.js';
import type { PendingJob } from '../replies/pending-journal.js';
import { conversationKey, ReplyLanes } from '../replies/reply-lanes.js';
import type { RuntimeDeps } from './runtime-deps.js';

/** How long a stop waits for this account's queued and running replies. */
const STOP_DRAIN_MS = 30_000;

/** Runs one account: inbound handling, dispatch lanes, outbound sends. */
export class AccountRuntime {
  readonly caches: DecisionCaches = { echo: new SentMessageCache(), selfChat: new SelfChatCache(), loop: new LoopLimiter(), history: new GroupHistory() };
  readonly supervisor: ImsgSupervisor;
  remoteHost: string | undefined;
  /** Replies in order per conversation, waiting ones held (agent failing, imsg restarting). */
  readonly replies: ReplyLanes;
  #unlisten: () => void;
  #stopping = false;
  #tasks = 0;

  constructor(readonly account: ResolvedAccount, readonly deps: RuntimeDeps) {
    this.supervisor = new ImsgSupervisor({
      accountId: account.accountId,
      cliPath: account.cliPath,
      dbPath: account.dbPath,
      env: deps.env,
      stateFile: watchStateFile(deps.stateDir, account.accountId),
      binaryFactsFile: join(deps.stateDir, 'imsg-binaries.json'),
      watchParams: { attachments: account.includeAttachments },
      firstRequestTimeoutMs: Math.max(account.probeTimeoutMs, 30_000),
      diagnosis: () => ({ dbPath: account.dbPath, remoteHost: this.remoteHost }),
      slowStartNoticeMs: account.probeTimeoutMs,
      onMessage: (m) => handleInbound(this, m),
      // A backlog is fetched as fast as replies go out, not faster: memory stays flat under a burst.
      downstream: () => this.#tasks,
      onHandlerError: (m, err) => {
        void deps.activity.append({ accountId: account.accountId, kind: 'system', messageId: m.id, detail: `message ${m.id} could not be handled: ${(err as Error).message}` });
      },
      onUnrecorded: (m, err) => {
        void deps.activity.append({ accountId: account.accountId, kind: 'system', messageId: m.id, detail: `message ${m.id} was handled but its record is not saved yet (retried): ${(err as Error).message}` });
      },
      ...invalidInputHooks(account.accountId, deps.activity),
      ...deps.supervisorOverrides,
    });
    this.#unlisten = this.supervisor.onHealth(() => deps.changed());
    this.replies = new ReplyLanes(this);
  }

  /** Start watching (resolves the remote host first, for attachments over SSH). */
  async start(): Promise<void> {
    const remote = await resolveRemoteHost(this.account).catch(() => ({ host: undefined, warning: undefined }));
    this.remoteHost = remote.host;
    if (remote.warning) await this.deps.activity.append({ accountId: this.account.accountId, kind: 'system', detail: remote.warning });
    this.supervisor.start();
    // Replies accepted while this account's previous runtime was stopping (a config change).
    for (const job of this.deps.journal.unpark(this.account.accountId)) this.enqueueDispatch(job);
  }

  /** True once {@link stop} began: new dispatches are journaled for the next start, not run. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /**
   * Stop: replies already queued or running still go out through the running imsg (while it is
   * up, at most {@link STOP_DRAIN_MS}); then unsubscribe, finish handling received messages, stop imsg.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    const deadline = Date.now() + STOP_DRAIN_MS;
    while (this.#tasks > 0 && Date.now() < deadline && ['watching', 'ready', 'starting'].includes(this.supervisor.health().state)) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await this.supervisor.stop();
    this.#unlisten();
    // Waiting replies stay in the journal; the account's next start (or the next run) takes them, in order.
    await this.replies.stop();
  }

  /** Queue a journaled dispatch behind earlier replies to its conversation; false when full. */
  enqueueDispatch(job: PendingJob): boolean {
    return this.enqueueTask(conversationKey(job), () => this.#run(job));
  }

  /** Queue any task on a conversation's lane (pairing replies use it too). */
  enqueueTask(key: string, task: () => Promise<void>): boolean {
    this.#tasks++;
    const queued = this.deps.queue.push(`${this.account.accountId}:${key}`, async () => {
      try {
        await task();
      } finally {
        this.#tasks--;
      }
    });
    if (!queued) this.#tasks--;
    return queued;
  }

  /** Send text chunks to a target through this account's imsg, remembering them for echo checks. */
  send(target: string, chunks: readonly string[], echo?: EchoTarget, file?: string, waitMs?: number): Promise<SentChunk[]> {
    return sendChunks({ supervisor: this.supervisor, account: this.account, target, chunks, file, waitMs, echo: echo ? { cache: this.caches.echo, target: echo, now: this.deps.now } : undefined });
  }

  async #run(job: PendingJob): Promise<void> {
    const d = job.decision;
    if (!(d.isControlCommand && d.commandAuthorized)) return this.replies.run(job);
    try {
      // Answered before a crash, maybe: the chat says so (and the command is not run twice).
      const intent = this.deps.intents.get(job.id);
      if (intent) return void (await resendUnsent(this, job, intent, { accountId: this.account.accountId, chatId: d.chatId, sender: d.senderId }));
      const reply = await runChatCommand(this, job);
      const unrecorded = this.deps.intents.record(job.id, [reply], new Date(this.deps.now()).toISOString());
      if (unrecorded) await this.deps.activity.append({ accountId: this.account.accountId, kind: 'system', detail: unrecorded });
      await this.send(d.replyTarget ?? d.senderId, [reply], echoTarget(d));
      await this.deps.activity.append({ ...jobBase(this, job), kind: 'command', outcome: 'sent', replies: [reply], preview: d.bodyText.slice(0, 80), detail: reply.split('\n')[0] });
    } catch (err) {
      await this.deps.activity.append({ accountId: this.account.accountId, kind: 'agent-error', sender: d.senderId, detail: `command reply failed: ${(err as Error).message}` });
    } finally {
      this.deps.intents.forget(job.id);
      await this.deps.journal.remove(job.id);
    }
  }
}
