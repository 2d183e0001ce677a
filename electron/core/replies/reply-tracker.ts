// Where each reply in progress stands right now (asking the agent, sending, waiting and why), for
// the snapshot counts and the messages view. Memory only: the journal and the activity log are
// the durable record; after a restart every resumed reply reports its state again.

/** The live stage of one reply. */
export type LiveStage = 'waiting' | 'asking' | 'sending';

/** One reply in progress. */
export interface LiveReply {
  readonly accountId: string;
  readonly stage: LiveStage;
  readonly agentId?: string;
  /** Why it waits (stage `waiting`). */
  readonly cause?: string;
  /** What it waits for (stage `waiting`). */
  readonly on?: 'agent' | 'imsg' | 'chat';
  readonly nextRetryAt?: number;
  readonly deadlineAt?: number;
}

/** Live replies by job id. */
export class ReplyTracker {
  readonly #live = new Map<string, LiveReply>();

  /** Record the stage of job `id`. */
  set(id: string, reply: LiveReply): void {
    this.#live.set(id, reply);
  }

  /** The live state of job `id`, if it is in progress. */
  get(id: string): LiveReply | undefined {
    return this.#live.get(id);
  }

  /** Job `id` finished (or stopped running in this process). */
  delete(id: string): void {
    this.#live.delete(id);
  }

  /** Replies waiting (for `agentId` when given). */
  waiting(agentId?: string): number {
    let n = 0;
    for (const r of this.#live.values()) if (r.stage === 'waiting' && (agentId === undefined || r.agentId === agentId)) n++;
    return n;
  }

  /** The waiting replies, oldest first. */
  waitingEntries(): Array<[string, LiveReply]> {
    return [...this.#live].filter(([, r]) => r.stage === 'waiting');
  }
}
