import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PendingJob, PendingJournal, type PendingJournalOptions } from '../../../electron/core/replies/pending-journal.js';
import { type AppendLogIo, fileIo } from '../../../electron/core/fs/append-log.js';
import type { InboundDecision } from '../../../electron/core/policy/decide-types.js';
import { until } from '../../helpers/until.js';

let dir: string;
let file: string;
const opened: PendingJournal[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'journal-'));
  file = PendingJournal.fileIn(dir);
});
afterEach(async () => {
  for (const j of opened.splice(0)) await j.close().catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

/** A journal closed after the test (so no file handle outlives it). */
function journal(opts?: PendingJournalOptions): PendingJournal {
  const j = new PendingJournal(file, opts);
  opened.push(j);
  return j;
}

/** A job as the inbound handler writes it (the decision is opaque to the journal). */
function job(n: number): PendingJob {
  const decision = { decision: 'dispatch', senderId: `+1555000000${n}`, bodyText: `hello ${n}` } as unknown as InboundDecision;
  return { id: `default:G${n}`, accountId: 'default', acceptedAt: new Date(0).toISOString(), message: { id: n, guid: `G${n}`, text: `hello ${n}` }, decision };
}

/** The records on disk right now, one per line, as short strings (`+id` added, `-id` done). */
async function onDisk(): Promise<string[]> {
  const text = await fs.readFile(file, 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { add?: PendingJob; done?: string })
    .map((r) => (r.add ? `+${r.add.id}` : `-${r.done}`));
}

/** What a fresh journal on the same file loads. */
async function fresh(): Promise<{ ids: string[]; problem?: string; journal: PendingJournal }> {
  const j = journal();
  const { jobs, problem } = await j.load();
  return { ids: jobs.map((x) => x.id), problem, journal: j };
}

/** File operations that count writes and syncs; `fail` makes the next writes tear half-way and throw ENOSPC. */
interface CountingIo {
  io: Partial<AppendLogIo>;
  writes: number;
  syncs: number;
  fail: number;
  truncateFails: boolean;
  during: (() => void) | undefined;
}

/** A fresh {@link CountingIo} over the real file operations. */
function countingIo(): CountingIo {
  const state: CountingIo = {
    writes: 0,
    syncs: 0,
    fail: 0,
    truncateFails: false,
    during: undefined,
    io: {
      write: async (handle, data) => {
        state.writes++;
        if (state.fail > 0) {
          state.fail--;
          await fileIo.write(handle, data.subarray(0, Math.floor(data.length / 2)));
          state.during?.(); // called while the failing batch is in flight
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        return fileIo.write(handle, data);
      },
      sync: (handle) => {
        state.syncs++;
        return fileIo.sync(handle);
      },
      truncate: (handle, size) => (state.truncateFails ? Promise.reject(new Error('EIO')) : fileIo.truncate(handle, size)),
    },
  };
  return state;
}

describe('PendingJournal', () => {
  it('add and remove are on disk once they resolve; a new journal loads what is left', async () => {
    const j = journal();
    expect(await j.load()).toEqual({ jobs: [], problem: undefined });
    await j.add(job(1));
    expect(await onDisk()).toEqual(['+default:G1']);
    await Promise.all([j.add(job(2)), j.add(job(3))]);
    await j.remove('default:G2');
    expect(await onDisk()).toEqual(['+default:G1', '+default:G2', '+default:G3', '-default:G2']);
    expect(j.size).toBe(2);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    const next = journal();
    const loaded = await next.load();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.jobs).toEqual([job(1), job(3)]);
    expect(await next.load()).toBe(loaded);
    await next.remove('default:G1');
    await next.remove('not-there');
    expect((await fresh()).ids).toEqual(['default:G3']);
  });

  it('an add is pending at once, so a remove right after it finds it; both land in order', async () => {
    const j = journal();
    const added = j.add(job(1));
    expect(j.has('default:G1')).toBe(true);
    await Promise.all([added, j.remove('default:G1')]);
    expect(await onDisk()).toEqual(['+default:G1', '-default:G1']);
    expect(j.size).toBe(0);
  });

  it('ids added or answered in the previous run make has() true, ids of this run only while pending', async () => {
    const first = journal();
    await first.load();
    await Promise.all([first.add(job(1)), first.add(job(2))]);
    await first.remove('default:G1');
    expect(first.has('default:G1')).toBe(false);

    const { journal: second, ids } = await fresh();
    expect(ids).toEqual(['default:G2']);
    expect(second.has('default:G1')).toBe(true); // answered before a crash the cursor may not have seen
    expect(second.has('default:G2')).toBe(true);
    expect(second.has('default:G3')).toBe(false);
  });

  it('a torn last line (a crash mid-append) is skipped silently and gone after the next write', async () => {
    const whole = `${JSON.stringify({ add: job(1) })}\n${JSON.stringify({ add: job(2) })}\n`;
    await fs.writeFile(file, `${whole}{"add":{"id":"default:G3","acc`);
    const j = journal();
    expect(await j.load()).toEqual({ jobs: [job(1), job(2)], problem: undefined });
    expect((await fs.readdir(dir)).filter((f) => f.includes('.corrupt-'))).toEqual([]);
    await j.add(job(4));
    expect(await onDisk()).toEqual(['+default:G1', '+default:G2', '+default:G4']);
  });

  it.each([
    ['not JSON', '{"add": nope}', /line 2: not valid JSON/],
    ['an add without a decision', '{"add":{"id":"x","accountId":"a","message":{}}}', /line 2: add: expected \{id, accountId, message, decision\}/],
    ['an unknown record', '{"what":1}', /line 2: expected \{"add": job\} or \{"done": id\}/],
  ])('a corrupt middle line (%s) is reported by number, the file kept aside as it was, the rest loaded', async (_name, badLine, why) => {
    const original = Buffer.from([JSON.stringify({ add: job(1) }), badLine, JSON.stringify({ add: job(2) }), JSON.stringify({ done: job(1).id }), ''].join('\n'));
    await fs.writeFile(file, original);
    const j = journal();
    const { jobs, problem } = await j.load();
    expect(jobs).toEqual([job(2)]);
    expect(problem).toMatch(why);
    expect(problem).not.toMatch(/line [134]/);
    expect(j.has('default:G1')).toBe(true);
    const aside = (await fs.readdir(dir)).filter((f) => f.startsWith('pending-dispatch.jsonl.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(problem).toContain(`kept as ${join(dir, aside[0] as string)}`);
    expect(await fs.readFile(join(dir, aside[0] as string))).toEqual(original);
    expect(await fs.readFile(file)).toEqual(original); // load only reads

    await j.add(job(7)); // the first write rewrites the file without the bad line
    expect(await onDisk()).toEqual(['-default:G1', '+default:G2', '+default:G7']);
    expect(await fresh()).toMatchObject({ ids: ['default:G2', 'default:G7'], problem: undefined });
  });

  it('the old pending-dispatch.json is migrated: its jobs load, move into the log, then it is deleted', async () => {
    const legacy = join(dir, 'pending-dispatch.json');
    await fs.writeFile(legacy, JSON.stringify({ version: 1, jobs: [job(1), job(2)] }));
    const j = journal();
    expect(await j.load()).toEqual({ jobs: [job(1), job(2)], problem: undefined });
    expect(j.has('default:G1')).toBe(true);
    await expect(fs.stat(legacy)).resolves.toBeDefined(); // load only reads
    await j.remove('default:G1');
    expect(await onDisk()).toEqual(['-default:G1', '+default:G2']);
    await expect(fs.stat(legacy)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await fresh()).ids).toEqual(['default:G2']);
  });

  it.each([
    ['not JSON', '{"version":1,"jobs":[', /not valid JSON/],
    ['a job without a decision', '{"version":1,"jobs":[{"id":"x","accountId":"a","message":{}}]}', /jobs\[0\]: expected \{id, accountId, message, decision\}/],
  ])('a corrupt old pending-dispatch.json (%s) is kept aside and reported; the journal starts empty', async (_name, text, why) => {
    await fs.writeFile(join(dir, 'pending-dispatch.json'), text);
    const j = journal();
    const { jobs, problem } = await j.load();
    expect(jobs).toEqual([]);
    expect(problem).toMatch(why);
    const aside = (await fs.readdir(dir)).filter((f) => f.startsWith('pending-dispatch.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(problem).toContain(`kept as ${join(dir, aside[0] as string)}`);
    expect(await fs.readFile(join(dir, aside[0] as string), 'utf8')).toBe(text);
    await j.add(job(7));
    expect(await onDisk()).toEqual(['+default:G7']);
  });

  it('compaction shrinks the file to the pending jobs and the most recent done ids; a fresh load sees the same', async () => {
    const j = journal({ compactAfter: 20, keepDone: 3 });
    await j.load();
    for (let n = 1; n <= 10; n++) await j.add(job(n));
    for (let n = 1; n <= 8; n++) await j.remove(`default:G${n}`);
    await j.add(job(11));
    await j.add(job(12));
    expect(await onDisk()).toHaveLength(20);
    await j.add(job(13)); // the 21st append since the last compaction: this write compacts instead
    const lines = await onDisk();
    expect(lines).toEqual(['-default:G6', '-default:G7', '-default:G8', '+default:G9', '+default:G10', '+default:G11', '+default:G12', '+default:G13']);

    const { journal: next, ids, problem } = await fresh();
    expect(problem).toBeUndefined();
    expect(ids).toEqual(['default:G9', 'default:G10', 'default:G11', 'default:G12', 'default:G13']);
    expect(next.has('default:G8')).toBe(true); // recent done ids survive compaction
    expect(next.has('default:G1')).toBe(false); // older ones are not kept (bounded)
  });

  it('a file left big by the previous run is compacted at the first write', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => [JSON.stringify({ add: job(i) }), JSON.stringify({ done: job(i).id })]).flat();
    await fs.writeFile(file, `${lines.join('\n')}\n${JSON.stringify({ add: job(99) })}\n`);
    const j = journal({ compactAfter: 20, keepDone: 2 });
    await j.add(job(100)); // waits for load, so the job of the previous run is in the snapshot
    expect(await onDisk()).toEqual(['-default:G28', '-default:G29', '+default:G100', '+default:G99']);
  });

  it('group commit: 1000 concurrent adds and removes take a handful of writes and fsyncs', async () => {
    const counting = countingIo();
    const j = journal({ io: counting.io });
    await j.load();
    await Promise.all(Array.from({ length: 1000 }, (_, n) => j.add(job(n))));
    expect(counting.writes).toBeLessThanOrEqual(3);
    expect(counting.syncs).toBe(counting.writes);
    await Promise.all(Array.from({ length: 1000 }, (_, n) => j.add(job(n + 1000)).then(() => j.remove(`default:G${n}`))));
    expect(counting.writes).toBeLessThanOrEqual(10);
    expect(await onDisk()).toHaveLength(3000);
    expect(j.size).toBe(1000);
  });

  it('a failing write rejects naming the file, keeps the order, and lands on the next write with no torn line', async () => {
    const counting = countingIo();
    const j = journal({ io: counting.io });
    await j.add(job(1));
    counting.fail = 1;
    let later: Promise<void> | undefined;
    counting.during = () => (later = j.remove('default:G2')); // its add is in the failing batch
    const results = await Promise.allSettled([j.add(job(2)), j.remove('default:G1')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain(`cannot write ${file}: ENOSPC`);
    expect(j.lastError).toContain(file);
    expect(await onDisk()).toEqual(['+default:G1']); // the half-written batch was cut off
    expect(j.size).toBe(0);

    await j.add(job(3)); // carries the failed records first, then the later ones, in order
    await later;
    expect(j.lastError).toBeUndefined();
    expect(await onDisk()).toEqual(['+default:G1', '+default:G2', '-default:G1', '-default:G2', '+default:G3']);
    expect((await fresh()).ids).toEqual(['default:G3']);
  });

  it('a failed write is retried on its own when the app is quiet', async () => {
    const counting = countingIo();
    const j = journal({ io: counting.io, retryMs: 20 });
    await j.load();
    counting.fail = 2;
    await expect(j.add(job(1))).rejects.toThrow(/ENOSPC/);
    await until(async () => (await onDisk().catch(() => [])).length === 1, 'the retried add');
    expect(counting.writes).toBe(3);
    await j.flush();
    expect(await onDisk()).toEqual(['+default:G1']);
  });

  it('when a torn batch cannot be cut off, the retry starts on a fresh line and nothing is lost', async () => {
    const counting = countingIo();
    const j = journal({ io: counting.io });
    await j.add(job(1));
    counting.fail = 1;
    counting.truncateFails = true;
    await expect(j.add(job(2))).rejects.toThrow(/ENOSPC/);
    await j.flush();
    const text = await fs.readFile(file, 'utf8');
    expect(text.split('\n').slice(-2)).toEqual([JSON.stringify({ add: job(2) }), '']);
    const { ids, problem } = await fresh();
    expect(ids).toEqual(['default:G1', 'default:G2']);
    expect(problem).toMatch(/line 2: not valid JSON/); // the fragment is reported, never dropped silently
  });

  it('close flushes and closes the file; a later add reopens it', async () => {
    const j = journal();
    const added = j.add(job(1));
    await j.close();
    await added;
    expect(await onDisk()).toEqual(['+default:G1']);
    await j.remove('default:G1');
    await j.close();
    expect((await fresh()).ids).toEqual([]);
  });

  it('parked jobs are pending and handed back once per account by unpark', async () => {
    const j = journal();
    await j.load();
    const other = { ...job(2), id: 'work:G2', accountId: 'work' };
    await Promise.all([j.park(job(1)), j.park(other), j.add(job(3))]);
    expect(j.size).toBe(3);
    expect(j.unpark('default')).toEqual([job(1)]);
    expect(j.unpark('default')).toEqual([]);
    await j.park(other); // parked again after its account stopped
    await j.remove('work:G2');
    expect(j.unpark('work')).toEqual([]);
    expect((await fresh()).ids).toEqual(['default:G1', 'default:G3']);
  });
});
