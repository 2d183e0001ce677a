// Dispatches accepted but not yet answered, kept on disk so a crash mid-reply loses nothing:
// the watch cursor moves past a message once it is in here, and it leaves only when answered.
// On disk an append-only log of {"add": job} / {"done": id} lines (group commit), so a burst of
// thousands of jobs costs a few fsyncs instead of a full rewrite per change.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { AppendLog } from '../fs/append-log.js';
import { SeenSet } from '../imsg/seen-guids.js';
import { readLog, snapshotLines } from './pending-journal-file.js';
import { readLegacy } from './pending-journal-legacy.js';
import type { PendingJob, PendingJournalOptions } from './pending-journal-types.js';

export type { PendingJob, PendingJournalOptions } from './pending-journal-types.js';

type Loaded = { jobs: PendingJob[]; problem?: string };

/**
 * The durable set of {@link PendingJob}s of one state directory. `close` flushes and closes the
 * file; the journal stays usable afterwards (the next write reopens it).
 */
export class PendingJournal {
  readonly #jobs = new Map<string, PendingJob>();
  readonly #parked = new Set<string>();
  readonly #previousRun = new Set<string>();
  // Recent done ids, oldest first: kept through compaction so a replay after a crash is still caught.
  /** Recently done ids, oldest first (bounded): the replay protection compaction keeps. */
  readonly #done: SeenSet;
  readonly #log: AppendLog;
  #legacy: string | undefined;
  #loaded: Promise<Loaded> | undefined;

  constructor(
    readonly file: string,
    opts: PendingJournalOptions = {},
  ) {
    this.#done = new SeenSet(opts.keepDone ?? 4096);
    this.#log = new AppendLog(file, { ...opts, ready: () => this.load(), snapshot: () => this.#snapshot(), compacted: () => this.#dropLegacy() });
  }

  /** The default location under a state directory. */
  static fileIn(stateDir: string): string {
    return join(stateDir, 'pending-dispatch.jsonl');
  }

  /**
   * The jobs left by a previous run (bad lines are reported, the file copied aside). Read once:
   * every call gets the same answer, and nothing is written before it, so no job is dropped.
   */
  load(): Promise<Loaded> {
    this.#loaded ??= this.#read();
    return this.#loaded;
  }

  /**
   * True when a job with this id is pending, or was added or answered in the previous run: a
   * message the watch replays after a crash must not be answered again. Call after {@link load}.
   */
  has(id: string): boolean {
    return this.#jobs.has(id) || this.#previousRun.has(id);
  }

  /** Jobs currently pending. */
  get size(): number {
    return this.#jobs.size;
  }

  /** The last write failure (for status); undefined once a write succeeds again. */
  get lastError(): string | undefined {
    return this.#log.lastError;
  }

  /** Add a job (pending at once, so a quick `remove` finds it); resolves when it is durable. */
  add(job: PendingJob): Promise<void> {
    const line = JSON.stringify({ add: job });
    this.#jobs.set(job.id, job);
    return this.#log.append(line);
  }

  /** The jobs held now (pending and not answered), oldest first. */
  jobs(): PendingJob[] {
    return [...this.#jobs.values()];
  }

  /** The job with this id, if held now. */
  get(id: string): PendingJob | undefined {
    return this.#jobs.get(id);
  }

  /** Replace a held job with a changed copy (not answered, retried); resolves when durable. */
  update(job: PendingJob): Promise<void> {
    return this.add(job);
  }

  /** Add a job that is not run now (its account is stopping): the account's next start takes it. */
  park(job: PendingJob): Promise<void> {
    this.#parked.add(job.id);
    return this.add(job);
  }

  /** The parked jobs of `accountId`, no longer parked (still pending until removed). */
  unpark(accountId: string): PendingJob[] {
    const jobs = [...this.#parked].map((id) => this.#jobs.get(id)).filter((j): j is PendingJob => j?.accountId === accountId);
    for (const job of jobs) this.#parked.delete(job.id);
    return jobs;
  }

  /** Remove an answered (or finally failed) job; resolves when that is durable. */
  remove(id: string): Promise<void> {
    this.#parked.delete(id);
    if (!this.#jobs.delete(id)) return Promise.resolve();
    this.#done.add(id);
    return this.#log.append(JSON.stringify({ done: id }));
  }

  /** Resolves when every add and remove so far is durable (retrying a failed write). */
  flush(): Promise<void> {
    return this.#log.flush();
  }

  /** Flush and close the file (no timer left running). */
  close(): Promise<void> {
    return this.#log.close();
  }

  async #read(): Promise<Loaded> {
    const read = (await readLog(this.file)) ?? (await readLegacy(this.file));
    for (const id of read.ids) this.#previousRun.add(id);
    for (const id of read.done) this.#done.add(id);
    if (read.lines !== undefined) this.#log.existing(read.lines);
    if (read.rewrite) this.#log.requestCompaction();
    this.#legacy = read.legacy;
    for (const job of read.jobs) if (!this.#jobs.has(job.id)) this.#jobs.set(job.id, job);
    return { jobs: read.jobs, problem: read.problem };
  }

  #snapshot(): string[] {
    return snapshotLines(this.#done.toArray(), this.#jobs.values());
  }

  async #dropLegacy(): Promise<void> {
    if (this.#legacy) await fs.rm(this.#legacy, { force: true }).catch(() => undefined);
    this.#legacy = undefined;
  }
}
