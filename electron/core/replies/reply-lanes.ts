// The replies of one account, in order per conversation: each is tried when its turn comes; one
// that must wait (agent failing, imsg restarting) holds the later messages of its chat off the
// reply lanes until its retry time, or until the agent recovers or imsg is watching again.
import type { AccountRuntime } from '../app/account-runtime.js';
import type { HistoryEntry } from '../policy/history.js';
import { runDispatch } from './dispatch-job.js';
import type { PendingJob } from './pending-journal-types.js';
import { ReplyHolds } from './reply-holds.js';
import { isWait, type ReplyWait } from './reply-outcome.js';

/** Replies to one chat (group) or one sender (DM) are serialized on the same lane. */
export function conversationKey(job: PendingJob): string {
  const d = job.decision;
  return d.chatId ? `chat:${d.chatId}` : `dm:${d.senderNormalized}`;
}

/** The reply side of an {@link AccountRuntime}: ordering, waiting, and the history a retry needs. */
export class ReplyLanes {
  /** Conversations whose reply waits, in order. */
  readonly holds: ReplyHolds;
  /** Group history taken for a reply that may be asked again (the cache forgets it when taken). */
  readonly #histories = new Map<string, HistoryEntry[]>();
  readonly #unlisten: Array<() => void>;

  constructor(private readonly rt: AccountRuntime) {
    this.holds = new ReplyHolds((key) => rt.enqueueTask(key, () => this.#drain(key)), rt.deps.now);
    this.#unlisten = [
      // imsg is back: replies waiting to be sent go now.
      rt.supervisor.onHealth((h) => void (h.state === 'watching' && this.holds.wake((on) => on === 'imsg'))),
      // An agent recovered (or its retry time moved): its waiting replies look again.
      rt.deps.health.onChange((agentId) => this.holds.wake((on, id) => on === 'agent' && id === agentId)),
    ];
  }

  /** One reply: behind the waiting messages of its chat if there are any, else tried now (and held if it must wait). */
  async run(job: PendingJob): Promise<void> {
    const { rt } = this;
    const key = conversationKey(job);
    const head = this.holds.head(key);
    if (head) {
      if (rt.stopping) return void (await rt.deps.journal.park(job));
      this.holds.append(key, job);
      rt.deps.tracker.set(job.id, { accountId: rt.account.accountId, stage: 'waiting', on: 'chat', ...(head.on === 'agent' && { agentId: head.agentId }), cause: 'waiting behind an earlier message of this chat' });
      return void rt.deps.changed();
    }
    const outcome = await runDispatch(rt, job);
    if (isWait(outcome)) await this.#wait(key, job, outcome);
  }

  /** The group history for `job`'s reply: taken from the cache once, kept while the reply may be asked again. */
  takeHistory(job: PendingJob): HistoryEntry[] {
    const kept = this.#histories.get(job.id);
    if (kept) return kept;
    const key = job.decision.historyKey;
    if (!key) return [];
    const history = this.rt.caches.history;
    const entries = history?.entries(key) ?? [];
    history?.clear(key);
    if (entries.length > 0) this.#histories.set(job.id, entries);
    return entries;
  }

  /** True when `job` is the waiting first message of its chat (this attempt is a retry). */
  retrying(job: PendingJob): boolean {
    return this.holds.head(conversationKey(job))?.job.id === job.id;
  }

  /** `job` no longer needs its group history. */
  forgetHistory(job: PendingJob): void {
    this.#histories.delete(job.id);
  }

  /** The account stopped: no more wake-ups; waiting replies are parked for its next start, in order. */
  async stop(): Promise<void> {
    for (const unlisten of this.#unlisten.splice(0)) unlisten();
    for (const job of this.holds.takeAll()) {
      this.rt.deps.tracker.delete(job.id);
      await this.rt.deps.journal.park(job);
    }
  }

  /** `job` (first of `key`) waits; during a stop it is parked for the next start instead. */
  async #wait(key: string, job: PendingJob, outcome: ReplyWait): Promise<void> {
    if (!this.rt.stopping) return this.holds.hold(key, job, outcome.until, outcome.hold, outcome.agentId);
    this.rt.deps.tracker.delete(job.id);
    await this.rt.deps.journal.park(job);
  }

  /** Work through a held conversation in order until one waits again (or all are done). */
  async #drain(key: string): Promise<void> {
    this.holds.draining(key);
    for (let next = this.holds.head(key); next; next = this.holds.head(key)) {
      if (this.rt.stopping) return this.holds.idle(key);
      const outcome = await runDispatch(this.rt, next.job);
      if (isWait(outcome) && !this.rt.stopping) return this.holds.hold(key, next.job, outcome.until, outcome.hold, outcome.agentId);
      if (isWait(outcome)) await this.#wait(key, next.job, outcome);
      this.holds.shift(key);
    }
  }
}
