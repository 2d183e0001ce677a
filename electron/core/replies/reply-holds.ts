// Conversations whose reply waits (a failing agent, imsg restarting), each with its messages in
// order: the first waits for its retry time, later ones of the same chat wait behind it. A held
// conversation occupies no reply lane; when its time comes (or it is woken: the agent recovered,
// imsg is watching again) one drain task on its lane works through it in order.
import type { PendingJob } from './pending-journal-types.js';

/** What a held conversation waits for. */
export type HoldOn = 'agent' | 'imsg';

/** One held conversation. */
interface Hold {
  readonly jobs: PendingJob[];
  on: HoldOn;
  agentId?: string;
  until: number;
  timer?: NodeJS.Timeout;
  /** A drain task is queued or running: do not queue another. */
  draining: boolean;
}

/** Try again this soon when the reply queue was full at drain time. */
const QUEUE_FULL_RETRY_MS = 1_000;

/** Held conversations of one account, by conversation key. */
export class ReplyHolds {
  readonly #holds = new Map<string, Hold>();

  /** `schedule(key)` queues a drain task on the conversation's lane; false when the queue is full. */
  constructor(
    private readonly schedule: (key: string) => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while `key` has messages waiting (a later message must queue behind them). */
  has(key: string): boolean {
    return this.#holds.has(key);
  }

  /** The first waiting message of `key` and what it waits for. */
  head(key: string): { job: PendingJob; on: HoldOn; agentId?: string } | undefined {
    const hold = this.#holds.get(key);
    const job = hold?.jobs[0];
    return hold && job ? { job, on: hold.on, agentId: hold.agentId } : undefined;
  }

  /** Messages waiting in all. */
  get size(): number {
    let n = 0;
    for (const hold of this.#holds.values()) n += hold.jobs.length;
    return n;
  }

  /** Queue `job` behind the waiting messages of `key`. */
  append(key: string, job: PendingJob): void {
    this.#holds.get(key)?.jobs.push(job);
  }

  /** The first message of `key` (`job`) waits until `until` (ms) for `on`; a new hold starts with it. */
  hold(key: string, job: PendingJob, until: number, on: HoldOn, agentId?: string): void {
    let hold = this.#holds.get(key);
    if (!hold) {
      hold = { jobs: [job], on, until, draining: false };
      this.#holds.set(key, hold);
    } else if (hold.jobs[0]?.id !== job.id) {
      hold.jobs.unshift(job);
    }
    Object.assign(hold, { on, agentId, until, draining: false });
    this.#arm(key, hold);
  }

  /** The first message of `key` is finished; the hold ends with its last message. */
  shift(key: string): void {
    const hold = this.#holds.get(key);
    if (!hold) return;
    hold.jobs.shift();
    if (hold.jobs.length === 0) this.#end(key, hold);
  }

  /** A drain of `key` starts: its timer is no longer needed. */
  draining(key: string): void {
    const hold = this.#holds.get(key);
    if (hold) clearTimeout(hold.timer);
  }

  /** A drain stopped early (the account is stopping): a later wake may drain again. */
  idle(key: string): void {
    const hold = this.#holds.get(key);
    if (hold) hold.draining = false;
  }

  /** Drain now every held conversation `which` selects (all when unset). */
  wake(which?: (on: HoldOn, agentId: string | undefined) => boolean): void {
    for (const [key, hold] of this.#holds) if (!which || which(hold.on, hold.agentId)) this.#fire(key, hold);
  }

  /** Stop every timer and hand back every waiting message, each conversation in order. */
  takeAll(): PendingJob[] {
    const jobs: PendingJob[] = [];
    for (const [key, hold] of this.#holds) {
      jobs.push(...hold.jobs);
      this.#end(key, hold);
    }
    return jobs;
  }

  #arm(key: string, hold: Hold): void {
    clearTimeout(hold.timer);
    hold.timer = setTimeout(() => this.#fire(key, hold), Math.max(0, hold.until - this.now()));
    hold.timer.unref?.();
  }

  #fire(key: string, hold: Hold): void {
    if (hold.draining || this.#holds.get(key) !== hold) return;
    clearTimeout(hold.timer);
    hold.draining = this.schedule(key);
    if (!hold.draining) {
      hold.until = this.now() + QUEUE_FULL_RETRY_MS;
      this.#arm(key, hold);
    }
  }

  #end(key: string, hold: Hold): void {
    clearTimeout(hold.timer);
    this.#holds.delete(key);
  }
}
