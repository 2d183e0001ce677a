// The activity log: every decision, reply and error, appended to <stateDir>/activity.jsonl
// (rotated, bounded), kept in a memory ring for the UI, and pushed to subscribers.
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ActivityEntry } from '../../contract/views.js';

/** Tuning for {@link ActivityLog}. */
export interface ActivityLogOptions {
  readonly file: string;
  /** Rotate when the file passes this size (default 5 MiB). */
  readonly maxBytes?: number;
  /** Rotated files kept (`activity.1.jsonl` …), default 3. */
  readonly keep?: number;
  /** Entries kept in memory for `activity:list` (default 1000). */
  readonly ring?: number;
}

/** Input of {@link ActivityLog.append}: everything but the id and time. */
export type ActivityInput = Omit<ActivityEntry, 'id' | 'at'> & { at?: string };

/** Append-only, rotated activity log; `append` resolves once the line is written to the file. */
export class ActivityLog {
  readonly #opts: Required<ActivityLogOptions>;
  readonly #ring: ActivityEntry[] = [];
  readonly #listeners = new Set<(e: ActivityEntry) => void>();
  #chain: Promise<void> = Promise.resolve();
  #size = -1;
  #seq = 0;
  #lastError: string | undefined;

  constructor(opts: ActivityLogOptions) {
    this.#opts = { maxBytes: 5 * 1024 * 1024, keep: 3, ring: 1000, ...opts };
  }

  /** The default location under a state directory. */
  static fileIn(stateDir: string): string {
    return join(stateDir, 'activity.jsonl');
  }

  /** Record an entry; resolves when it is in the file (a write failure is kept, never thrown). */
  append(input: ActivityInput): Promise<ActivityEntry> {
    const entry: ActivityEntry = { ...input, id: `${Date.now().toString(36)}-${(++this.#seq).toString(36)}`, at: input.at ?? new Date().toISOString() };
    this.#ring.push(entry);
    if (this.#ring.length > this.#opts.ring) this.#ring.splice(0, this.#ring.length - this.#opts.ring);
    for (const listener of this.#listeners) listener(entry);
    const line = `${JSON.stringify(entry)}\n`;
    this.#chain = this.#chain.then(() => this.#write(line)).catch((err: unknown) => {
      this.#lastError = `activity log write failed (${this.#opts.file}): ${(err as Error).message}`;
    });
    return this.#chain.then(() => entry);
  }

  /** Newest-first entries from memory, optionally filtered. */
  list(filter: { limit?: number; accountId?: string; decision?: string } = {}): ActivityEntry[] {
    const out: ActivityEntry[] = [];
    for (let i = this.#ring.length - 1; i >= 0 && out.length < (filter.limit ?? 200); i--) {
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
      text = await fs.readFile(this.#opts.file, 'utf8');
    } catch {
      return;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '').slice(-this.#opts.ring);
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

  /** The last write failure (disk full, permissions), if any, for status. */
  get lastError(): string | undefined {
    return this.#lastError;
  }

  /** Resolves when every queued line is written. */
  flush(): Promise<void> {
    return this.#chain;
  }

  async #write(line: string): Promise<void> {
    if (this.#size < 0) {
      await fs.mkdir(dirname(this.#opts.file), { recursive: true, mode: 0o700 });
      this.#size = await fs.stat(this.#opts.file).then((s) => s.size, () => 0);
      // A crash can leave a torn last line; end it so the next entry starts on a line of its own.
      if (this.#size > 0 && !(await endsWithNewline(this.#opts.file, this.#size))) line = `\n${line}`;
    }
    const bytes = Buffer.byteLength(line);
    if (this.#size > 0 && this.#size + bytes > this.#opts.maxBytes) await this.#rotate();
    await fs.appendFile(this.#opts.file, line, { mode: 0o600 });
    this.#size += bytes;
    this.#lastError = undefined;
  }

  async #rotate(): Promise<void> {
    const base = this.#opts.file.replace(/\.jsonl$/, '');
    for (let i = this.#opts.keep - 1; i >= 1; i--) {
      await fs.rename(`${base}.${i}.jsonl`, `${base}.${i + 1}.jsonl`).catch(() => undefined);
    }
    await fs.rm(`${base}.${this.#opts.keep + 1}.jsonl`, { force: true });
    await fs.rename(this.#opts.file, `${base}.1.jsonl`);
    this.#size = 0;
  }
}

async function endsWithNewline(file: string, size: number): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
