// The activity log: every decision, reply and error, appended to <stateDir>/activity.jsonl
// (rotated, bounded), kept in a memory ring for the UI, and pushed to subscribers.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ActivityEntry } from '../../contract/views.js';
import { BatchedAppender } from '../fs/batched-appender.js';
import type { OpenAppend } from '../fs/rotating-file.js';

/** Tuning for {@link ActivityLog}. */
export interface ActivityLogOptions {
  readonly file: string;
  /** Rotate when the file passes this size (default 5 MiB). */
  readonly maxBytes?: number;
  /** Rotated files kept (`activity.1.jsonl` …), default 3. */
  readonly keep?: number;
  /** Entries kept in memory for `activity:list` (default 1000). */
  readonly ring?: number;
  /** How the file is opened for appending (tests inject write failures or count writes here). */
  readonly openFile?: OpenAppend;
}

/** Input of {@link ActivityLog.append}: everything but the id and time. */
export type ActivityInput = Omit<ActivityEntry, 'id' | 'at'> & { at?: string };

/**
 * Append-only, rotated activity log; `append` resolves once the line is written to the file.
 * Entries appended while a write is in flight share the next write (see BatchedAppender).
 */
export class ActivityLog {
  readonly #file: string;
  readonly #ringSize: number;
  readonly #out: BatchedAppender;
  readonly #ring: ActivityEntry[] = [];
  readonly #listeners = new Set<(e: ActivityEntry) => void>();
  #seq = 0;
  #lastMs = 0;

  constructor(opts: ActivityLogOptions) {
    this.#file = opts.file;
    this.#ringSize = opts.ring ?? 1000;
    this.#out = new BatchedAppender({ file: opts.file, maxBytes: opts.maxBytes ?? 5 * 1024 * 1024, keep: opts.keep ?? 3, open: opts.openFile });
  }

  /** The default location under a state directory. */
  static fileIn(stateDir: string): string {
    return join(stateDir, 'activity.jsonl');
  }

  /** Record an entry; resolves when it is in the file (a write failure is kept, never thrown). */
  append(input: ActivityInput): Promise<ActivityEntry> {
    // A clock stepped back must not make ids go backwards; the sequence keeps them unique.
    this.#lastMs = Math.max(this.#lastMs, Date.now());
    const entry: ActivityEntry = { ...input, id: `${this.#lastMs.toString(36)}-${(++this.#seq).toString(36)}`, at: input.at ?? new Date().toISOString() };
    this.#ring.push(entry);
    // Trim in chunks: a splice per entry moves the whole ring each time (a burst's main CPU cost); list() reads only the newest.
    // An eighth of slack, not a second ring: a 1000-message burst otherwise kept ~2000 entries alive.
    if (this.#ring.length >= this.#ringSize + Math.max(1, this.#ringSize >> 3)) this.#ring.splice(0, this.#ring.length - this.#ringSize);
    for (const listener of this.#listeners) listener(entry);
    return this.#out.append(`${JSON.stringify(entry)}\n`).then(() => entry);
  }

  /** Newest-first entries from memory, optionally filtered. */
  list(filter: { limit?: number; accountId?: string; decision?: string } = {}): ActivityEntry[] {
    const out: ActivityEntry[] = [];
    const oldest = Math.max(0, this.#ring.length - this.#ringSize);
    for (let i = this.#ring.length - 1; i >= oldest && out.length < (filter.limit ?? 200); i--) {
      const e = this.#ring[i] as ActivityEntry;
      if (filter.accountId && e.accountId !== filter.accountId) continue;
      if (filter.decision && e.decision !== filter.decision) continue;
      out.push(e);
    }
    return out;
  }

  /** Load the newest entries of the current file into memory (app start). */
  async loadTail(): Promise<void> {
    let text: string;
    try {
      text = await fs.readFile(this.#file, 'utf8');
    } catch {
      return;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '').slice(-this.#ringSize);
    for (const line of lines) {
      try {
        this.#ring.push(JSON.parse(line) as ActivityEntry);
      } catch {
        // A torn last line after a crash is skipped, not fatal.
      }
    }
  }

  /** Subscribe to new entries; returns an unsubscribe. */
  onEntry(listener: (e: ActivityEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The last write failure (disk full, permissions) and how many entries it kept back or lost, for status. */
  get lastError(): string | undefined {
    const error = this.#out.lastError;
    return error && `activity log ${error}`;
  }

  /** Resolves when every entry appended so far has had its write. */
  flush(): Promise<void> {
    return this.#out.flush();
  }

  /** Write what is queued and close the file (app stop); a later append reopens it. */
  close(): Promise<void> {
    return this.#out.close();
  }
}
