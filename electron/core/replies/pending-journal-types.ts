// The shapes a pending journal deals in: the jobs it keeps, and its tuning and test seams.
import type { AppendLogIo } from '../fs/append-log.js';
import type { InboundDecision } from '../policy/decide-types.js';

/** One accepted dispatch: the imsg payload and the decision taken for it. */
export interface PendingJob {
  readonly id: string;
  readonly accountId: string;
  readonly acceptedAt: string;
  readonly message: Record<string, unknown>;
  readonly decision: InboundDecision;
  /** The owner retried it at this time: its deadline counts from here, not from `acceptedAt`. */
  readonly retriedAt?: string;
  /** Not answered (past its deadline, or a permanent failure): kept until the owner retries or dismisses it. */
  readonly failed?: { readonly at: string; readonly cause: string; readonly agentId?: string };
  /** The agent's `errorReply` went out for this message (it is sent once). */
  readonly errorReplySent?: boolean;
}

/** Tuning and test seams of a {@link PendingJournal}. */
export interface PendingJournalOptions {
  /** Compact after max(this, 2 × live lines) appends (default 4096; see {@link AppendLog}). */
  readonly compactAfter?: number;
  /** Done ids kept through a compaction (default 4096). */
  readonly keepDone?: number;
  /** Retry a failed write after this long (default 1000 ms). */
  readonly retryMs?: number;
  /** Replaces some file operations (tests). */
  readonly io?: Partial<AppendLogIo>;
}
