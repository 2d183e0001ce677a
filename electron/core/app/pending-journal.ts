// Dispatches accepted but not yet answered, kept on disk so a crash mid-reply loses nothing:
// the watch cursor moves past a message once it is in here, and it leaves only when answered.
import { join } from 'node:path';
import { CoalescedWriter } from '../fs/coalesced-writer.js';
import { readJsonState } from '../fs/read-json-state.js';
import type { InboundDecision } from '../policy/decide-types.js';

/** One accepted dispatch: the imsg payload and the decision taken for it. */
export interface PendingJob {
  readonly id: string;
  readonly accountId: string;
  readonly acceptedAt: string;
  readonly message: Record<string, unknown>;
  readonly decision: InboundDecision;
}

/** The durable set of {@link PendingJob}s of one state directory. */
export class PendingJournal {
  readonly #jobs = new Map<string, PendingJob>();
  readonly #parked = new Set<string>();
  readonly #previousRun = new Set<string>();
  readonly #writer: CoalescedWriter;
  #loaded: Promise<{ jobs: PendingJob[]; problem?: string }> | undefined;

  constructor(readonly file: string) {
    this.#writer = new CoalescedWriter(file);
  }

  /** The default location under a state directory. */
  static fileIn(stateDir: string): string {
    return join(stateDir, 'pending-dispatch.json');
  }

  /**
   * The jobs left by a previous run (a corrupt file is kept aside and reported). Read once: every
   * call gets the same answer, and `add` waits for it so a save never drops jobs not yet read.
   */
  load(): Promise<{ jobs: PendingJob[]; problem?: string }> {
    this.#loaded ??= readJsonState(this.file, parseJobs).then((read) => {
      const jobs = read.value ?? [];
      for (const job of jobs) {
        this.#previousRun.add(job.id);
        if (!this.#jobs.has(job.id)) this.#jobs.set(job.id, job);
      }
      return { jobs, problem: read.problem };
    });
    return this.#loaded;
  }

  /**
   * True when a job with this id is pending, or was left by the previous run (resumed, maybe
   * answered already): a message the watch replays after a crash must not be answered again.
   * Call after {@link load}.
   */
  has(id: string): boolean {
    return this.#jobs.has(id) || this.#previousRun.has(id);
  }

  /** Jobs currently pending. */
  get size(): number {
    return this.#jobs.size;
  }

  /** Add a job (pending at once, so a quick `remove` finds it); resolves when it is durable. */
  add(job: PendingJob): Promise<void> {
    this.#jobs.set(job.id, job);
    return this.load().then(() => this.#save());
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

  /** Remove an answered (or finally failed) job. */
  remove(id: string): Promise<void> {
    this.#parked.delete(id);
    if (!this.#jobs.delete(id)) return Promise.resolve();
    return this.#save();
  }

  #save(): Promise<void> {
    return this.#writer.save(`${JSON.stringify({ version: 1, jobs: [...this.#jobs.values()] })}\n`);
  }
}

function parseJobs(text: string): PendingJob[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  const jobs = (value as { jobs?: unknown } | null)?.jobs;
  if (!Array.isArray(jobs)) return 'jobs: expected an array';
  for (const [i, job] of jobs.entries()) {
    const j = job as Partial<PendingJob> | null;
    if (!j || typeof j.id !== 'string' || typeof j.accountId !== 'string' || typeof j.message !== 'object' || typeof j.decision !== 'object') {
      return `jobs[${i}]: expected {id, accountId, message, decision}`;
    }
  }
  return jobs as PendingJob[];
}
