// What an AppendLog is told: where its live state comes from, when it compacts, how it retries.
import type { AppendLogIo } from './append-log-io.js';

/** How an {@link AppendLog} gets its live state and when it compacts. */
export interface AppendLogOptions {
  /** Awaited before anything is written (e.g. loading the file, so a snapshot misses nothing). */
  readonly ready?: () => Promise<unknown>;
  /** The live state as lines; replaces the whole file on compaction. */
  readonly snapshot: () => string[];
  /** Run after a compaction landed, before the appends it covered resolve. */
  readonly compacted?: () => Promise<void>;
  /** Compact after max(this, 2 × lines of the last snapshot) appends (default 4096). */
  readonly compactAfter?: number;
  /** Retry a failed write after this long if nothing else does (default 1000 ms). */
  readonly retryMs?: number;
  /** Replaces some file operations (tests). */
  readonly io?: Partial<AppendLogIo>;
}
