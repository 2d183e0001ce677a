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
  readonly #writer: CoalescedWriter;

  constructor(readonly file: string) {
    this.#writer = new CoalescedWriter(file);
  }

  /** The default location under a state directory. */
  static fileIn(stateDir: string): string {
    return join(stateDir, 'pending-dispatch.json');
  }

  /** Read the jobs left by a previous run (a corrupt file is kept aside and reported). */
  async load(): Promise<{ jobs: PendingJob[]; problem?: string }> {
    const read = await readJsonState(this.file, parseJobs);
    for (const job of read.value ?? []) this.#jobs.set(job.id, job);
    return { jobs: [...this.#jobs.values()], problem: read.problem };
  }

  /** Jobs currently pending. */
  get size(): number {
    return this.#jobs.size;
  }

  /** Add a job; resolves when it is durable. */
  add(job: PendingJob): Promise<void> {
    this.#jobs.set(job.id, job);
    return this.#save();
  }

  /** Remove an answered (or finally failed) job. */
  remove(id: string): Promise<void> {
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
