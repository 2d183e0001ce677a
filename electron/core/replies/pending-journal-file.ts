// The pending journal's .jsonl: reading and validating its lines, and the lines a compaction writes.
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { PendingJob } from './pending-journal-types.js';

/** What a previous run left: jobs still pending, every id it named, and its done ids in order. */
export interface PreviousRun {
  readonly jobs: PendingJob[];
  readonly ids: string[];
  readonly done: string[];
  /** Lines in the log (undefined when there was no log). */
  readonly lines?: number;
  /** The next write must be a compaction. */
  readonly rewrite: boolean;
  /** The migrated legacy file, to delete once a compaction landed. */
  readonly legacy?: string;
  readonly problem?: string;
}

type JournalRecord = { readonly add: PendingJob } | { readonly done: string };

/** The log replayed (bad lines are reported, the file copied aside), or undefined when it does not exist. */
export async function readLog(file: string): Promise<PreviousRun | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Unreadable is not empty: appending keeps whatever is in there, a compaction would not.
    return { jobs: [], ids: [], done: [], lines: 0, rewrite: false, problem: `cannot read ${file}: ${(err as Error).message}` };
  }
  const lines = bytes.toString('utf8').split('\n');
  const last = lines.findLastIndex((l) => l.trim() !== '');
  const records: JournalRecord[] = [];
  const bad: string[] = [];
  let torn = false;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      // A crash mid-append leaves a torn last line: expected, nothing was promised for it.
      if (i === last) torn = true;
      else bad.push(`line ${i + 1}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    const record = parseRecord(value);
    if (typeof record === 'string') bad.push(`line ${i + 1}: ${record}`);
    else records.push(record);
  }
  const count = last + 1;
  if (bad.length === 0) return { ...replay(records), lines: count, rewrite: torn };
  const aside = `${file}.corrupt-${Date.now()}`;
  const kept = await writeFileAtomic(aside, bytes).then(
    () => `kept as ${aside}`,
    (err: unknown) => `could not keep a copy (${(err as Error).message})`,
  );
  const listed = bad.length > 5 ? [...bad.slice(0, 5), `${bad.length - 5} more bad lines`] : bad;
  return { ...replay(records), lines: count, rewrite: true, problem: `${file}: ${listed.join('; ')}; ${kept}` };
}

/** The live state as log lines, for a compaction. */
export function snapshotLines(done: Iterable<string>, jobs: Iterable<PendingJob>): string[] {
  // Done lines first: a job added again after it was done must replay as pending.
  return [...[...done].map((id) => JSON.stringify({ done: id })), ...[...jobs].map((job) => JSON.stringify({ add: job }))];
}

function replay(records: JournalRecord[]): Pick<PreviousRun, 'jobs' | 'ids' | 'done'> {
  const pending = new Map<string, PendingJob>();
  const ids: string[] = [];
  const done: string[] = [];
  for (const record of records) {
    const id = 'add' in record ? record.add.id : record.done;
    ids.push(id);
    if ('add' in record) {
      pending.set(id, record.add);
    } else {
      pending.delete(id);
      done.push(id);
    }
  }
  return { jobs: [...pending.values()], ids, done };
}

function parseRecord(value: unknown): JournalRecord | string {
  const r = value as { add?: unknown; done?: unknown } | null;
  if (typeof r?.done === 'string') return { done: r.done };
  if (r?.add !== undefined) return isJob(r.add) ? { add: r.add } : 'add: expected {id, accountId, message, decision}';
  return 'expected {"add": job} or {"done": id}';
}

/** True when `value` has the shape of a {@link PendingJob}. */
export function isJob(value: unknown): value is PendingJob {
  const j = value as Partial<PendingJob> | null;
  return !!j && typeof j.id === 'string' && typeof j.accountId === 'string' && typeof j.message === 'object' && j.message !== null && typeof j.decision === 'object' && j.decision !== null;
}
