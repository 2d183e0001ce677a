import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PendingJob, PendingJournal } from '../../../electron/core/app/pending-journal.js';
import type { InboundDecision } from '../../../electron/core/policy/decide-types.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'journal-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A job as the inbound handler writes it (the decision is opaque to the journal). */
function job(n: number): PendingJob {
  const decision = { decision: 'dispatch', senderId: `+1555000000${n}`, bodyText: `hello ${n}` } as unknown as InboundDecision;
  return { id: `default:G${n}`, accountId: 'default', acceptedAt: new Date(0).toISOString(), message: { id: n, guid: `G${n}`, text: `hello ${n}` }, decision };
}

/** What is on disk right now. */
async function onDisk(file: string): Promise<string[]> {
  const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { version: number; jobs: PendingJob[] };
  expect(parsed.version).toBe(1);
  return parsed.jobs.map((j) => j.id);
}

describe('PendingJournal', () => {
  it('add and remove are on disk once they resolve; a new journal loads what is left', async () => {
    const file = PendingJournal.fileIn(dir);
    const journal = new PendingJournal(file);
    expect(await journal.load()).toEqual({ jobs: [], problem: undefined });
    await journal.add(job(1));
    expect(await onDisk(file)).toEqual(['default:G1']);
    await Promise.all([journal.add(job(2)), journal.add(job(3))]);
    expect(await onDisk(file)).toEqual(['default:G1', 'default:G2', 'default:G3']);
    await journal.remove('default:G2');
    expect(await onDisk(file)).toEqual(['default:G1', 'default:G3']);
    expect(journal.size).toBe(2);

    const next = new PendingJournal(file);
    const loaded = await next.load();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.jobs).toEqual([job(1), job(3)]);
    await next.remove('default:G1');
    await next.remove('not-there');
    expect(await onDisk(file)).toEqual(['default:G3']);
  });

  it.each([
    ['not JSON', '{"version":1,"jobs":[', /not valid JSON/],
    ['jobs not a list', '{"version":1,"jobs":{}}', /jobs: expected an array/],
    ['a job without a decision', '{"version":1,"jobs":[{"id":"x","accountId":"a","message":{}}]}', /jobs\[0\]: expected \{id, accountId, message, decision\}/],
  ])('a corrupt file (%s) is kept aside and reported, and the journal starts empty', async (_name, text, why) => {
    const file = PendingJournal.fileIn(dir);
    await fs.writeFile(file, text);
    const journal = new PendingJournal(file);
    const { jobs, problem } = await journal.load();
    expect(jobs).toEqual([]);
    expect(problem).toMatch(why);
    const aside = (await fs.readdir(dir)).filter((f) => f.startsWith('pending-dispatch.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(problem).toContain(`kept as ${join(dir, aside[0] as string)}`);
    expect(await fs.readFile(join(dir, aside[0] as string), 'utf8')).toBe(text);
    await journal.add(job(7));
    expect(await onDisk(file)).toEqual(['default:G7']);
  });
});
