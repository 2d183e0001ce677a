// Migrating the pending journal's older pending-dispatch.json into the .jsonl log.
import { readJsonState } from '../fs/read-json-state.js';
import { isJob, type PreviousRun } from './pending-journal-file.js';
import type { PendingJob } from './pending-journal-types.js';

/** The jobs of the pending-dispatch.json next to `file` (a .jsonl), as a previous run to adopt. */
export async function readLegacy(file: string): Promise<PreviousRun> {
  // Before the log format the journal was one JSON document; its jobs move over at the first write.
  const legacy = file.endsWith('.jsonl') ? file.slice(0, -1) : undefined;
  if (legacy === undefined) return { jobs: [], ids: [], done: [], rewrite: false };
  const old = await readJsonState(legacy, parseLegacy);
  // Compacting writes the jobs to the log; only then may the old file go.
  if (old.value) return { jobs: old.value, ids: old.value.map((job) => job.id), done: [], rewrite: true, legacy, problem: old.problem };
  return { jobs: [], ids: [], done: [], rewrite: false, problem: old.problem };
}

function parseLegacy(text: string): PendingJob[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  const jobs = (value as { jobs?: unknown } | null)?.jobs;
  if (!Array.isArray(jobs)) return 'jobs: expected an array';
  const bad = jobs.findIndex((job) => !isJob(job));
  return bad < 0 ? (jobs as PendingJob[]) : `jobs[${bad}]: expected {id, accountId, message, decision}`;
}
