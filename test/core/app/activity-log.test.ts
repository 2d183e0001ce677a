import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityLog, type ActivityLogOptions } from '../../../electron/core/app/activity-log.js';
import type { ActivityEntry } from '../../../electron/contract/views.js';
import { probeOpen } from '../fs/append-probe.js';

let dir: string;
let opened: ActivityLog[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'activity-log-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  // The log keeps its file open between writes; close it like the app does on stop.
  await Promise.all(opened.map((log) => log.close()));
  opened = [];
  await fs.rm(dir, { recursive: true, force: true });
});

/** A log closed after the test. */
function makeLog(opts: ActivityLogOptions): ActivityLog {
  const log = new ActivityLog(opts);
  opened.push(log);
  return log;
}

/** Let in-flight writes make progress so the next appends queue behind them. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Bytes of the line an entry becomes in the file. */
const lineBytes = (e: ActivityEntry): number => Buffer.byteLength(`${JSON.stringify(e)}\n`);

/** Parsed lines of a JSONL file (every line must parse). */
async function lines(file: string): Promise<ActivityEntry[]> {
  const text = await fs.readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ActivityEntry);
}

describe('ActivityLog', () => {
  it('appends one JSON line per entry, resolves once written, lists newest first with filters, and notifies', async () => {
    const file = ActivityLog.fileIn(dir);
    const log = makeLog({ file });
    const seen: string[] = [];
    const off = log.onEntry((e) => seen.push(e.detail ?? ''));
    const first = await log.append({ accountId: 'a', kind: 'inbound', decision: 'drop', reason: 'from me', detail: 'one' });
    expect(first.id).toMatch(/^[0-9a-z]+-1$/);
    expect(Date.parse(first.at)).not.toBeNaN();
    expect(await lines(file)).toEqual([first]);
    await log.append({ accountId: 'b', kind: 'reply', detail: 'two' });
    off();
    await log.append({ accountId: 'a', kind: 'inbound', decision: 'dispatch', detail: 'three' });
    expect(seen).toEqual(['one', 'two']);
    expect(log.list().map((e) => e.detail)).toEqual(['three', 'two', 'one']);
    expect(log.list({ accountId: 'a' }).map((e) => e.detail)).toEqual(['three', 'one']);
    expect(log.list({ decision: 'drop' }).map((e) => e.detail)).toEqual(['one']);
    expect(log.list({ limit: 1 }).map((e) => e.detail)).toEqual(['three']);
    expect((await lines(file)).map((e) => e.detail)).toEqual(['one', 'two', 'three']);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps only the newest `ring` entries in memory (the file keeps all)', async () => {
    const file = ActivityLog.fileIn(dir);
    const log = makeLog({ file, ring: 5 });
    for (let i = 0; i < 8; i++) void log.append({ accountId: 'a', kind: 'system', detail: `e${i}` });
    await log.flush();
    expect(log.list({ limit: 100 }).map((e) => e.detail)).toEqual(['e7', 'e6', 'e5', 'e4', 'e3']);
    expect(await lines(file)).toHaveLength(8);
  });

  it('list sees exactly the newest `ring` entries after every append, across the chunked trims', async () => {
    const log = makeLog({ file: ActivityLog.fileIn(dir), ring: 3 });
    const details: string[] = [];
    for (let i = 0; i < 20; i++) {
      void log.append({ accountId: 'a', kind: 'system', detail: `e${i}` });
      details.unshift(`e${i}`);
      expect(log.list({ limit: 100 }).map((e) => e.detail)).toEqual(details.slice(0, 3));
    }
    await log.flush();
  });

  it('rotates at maxBytes, keeps `keep` rotated files, never lets a file pass maxBytes, and loses no recent line', async () => {
    const file = ActivityLog.fileIn(dir);
    const maxBytes = 1200;
    const log = makeLog({ file, maxBytes, keep: 2 });
    // Multi-byte previews: the size check must count bytes, not UTF-16 units.
    for (let i = 0; i < 60; i++) void log.append({ accountId: 'a', kind: 'inbound', preview: `é😀 message ${i} ${'ü'.repeat(20)}`, detail: `n${i}` });
    await log.flush();
    expect((await fs.readdir(dir)).sort()).toEqual(['activity.1.jsonl', 'activity.2.jsonl', 'activity.jsonl']);
    const files = [join(dir, 'activity.2.jsonl'), join(dir, 'activity.1.jsonl'), file];
    for (const f of files) expect((await fs.stat(f)).size).toBeLessThanOrEqual(maxBytes);
    const kept: string[] = [];
    for (const f of files) kept.push(...(await lines(f)).map((e) => e.detail ?? ''));
    // Oldest rotated file first: the kept entries are exactly the newest ones, in order, none missing.
    const firstKept = Number(kept[0]?.slice(1));
    expect(kept).toEqual(Array.from({ length: 60 - firstKept }, (_, i) => `n${firstKept + i}`));
    expect(firstKept).toBeGreaterThan(0);
  });

  it('skips a torn last line on load, and the next entry after it is still readable', async () => {
    const file = ActivityLog.fileIn(dir);
    const before = makeLog({ file });
    for (const d of ['a', 'b', 'c']) await before.append({ accountId: 'x', kind: 'system', detail: d });
    await fs.appendFile(file, '{"id":"torn","accountId":"x","kind":"sys');
    const after = makeLog({ file });
    await after.loadTail();
    expect(after.list().map((e) => e.detail)).toEqual(['c', 'b', 'a']);
    await after.append({ accountId: 'x', kind: 'system', detail: 'd' });
    const reloaded = makeLog({ file });
    await reloaded.loadTail();
    expect(reloaded.list().map((e) => e.detail)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('records a write failure instead of throwing, keeps the entry in memory, and recovers', async () => {
    const blocker = join(dir, 'not-a-dir');
    await fs.writeFile(blocker, 'a file where the log directory should be');
    const log = makeLog({ file: join(blocker, 'activity.jsonl') });
    const entry = await log.append({ accountId: 'a', kind: 'system', detail: 'kept in memory' });
    expect(entry.detail).toBe('kept in memory');
    expect(log.lastError).toMatch(/^activity log write failed \(.*not-a-dir\/activity\.jsonl\): .*; 1 entry held for a retry on the next write$/);
    expect(log.list().map((e) => e.detail)).toEqual(['kept in memory']);
    await fs.rm(blocker);
    await log.append({ accountId: 'a', kind: 'system', detail: 'written' });
    expect(log.lastError).toBeUndefined();
    // The failed entry gets its one retry with the next write, ahead of the newer one.
    expect((await lines(join(blocker, 'activity.jsonl'))).map((e) => e.detail)).toEqual(['kept in memory', 'written']);
  });

  it('writes a concurrent burst in far fewer writes than entries, one open, in append order, each resolving once its line is in the file', async () => {
    const file = ActivityLog.fileIn(dir);
    const { probe, open } = probeOpen();
    const log = makeLog({ file, openFile: open });
    const sent: Promise<ActivityEntry>[] = [];
    // Waves separated by ticks: later waves arrive while an earlier write is in flight.
    for (let wave = 0; wave < 10; wave++) {
      for (let i = 0; i < 200; i++) sent.push(log.append({ accountId: 'a', kind: 'inbound', detail: `w${wave}-${i}` }));
      if (wave === 0) {
        const first = await sent[0];
        expect(await fs.readFile(file, 'utf8')).toContain(first?.id);
      }
      await tick();
    }
    const entries = await Promise.all(sent);
    expect((await lines(file)).map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(probe.writes).toBeGreaterThan(1);
    expect(probe.writes).toBeLessThanOrEqual(20);
    expect(probe.opens).toBe(1);
    expect(log.lastError).toBeUndefined();
  });

  it('rotates batches byte-accurately: files fill up to maxBytes exactly as one-by-one writes would, none passes it, an oversized entry stands alone', async () => {
    const file = ActivityLog.fileIn(dir);
    const maxBytes = 2000;
    const { probe, open } = probeOpen();
    const log = makeLog({ file, maxBytes, keep: 100, openFile: open });
    const sent: ActivityEntry[] = [];
    log.onEntry((e) => sent.push(e));
    for (let wave = 0; wave < 4; wave++) {
      for (let i = 0; i < 50; i++) {
        const n = wave * 50 + i;
        void log.append({ accountId: 'a', kind: 'inbound', detail: n === 77 ? 'x'.repeat(2500) : `n${n} ${'é😀'.repeat(n % 23)}` });
      }
      await tick();
    }
    await log.flush();
    // The split one-by-one appends make: a line that would push a non-empty file past maxBytes starts the next file.
    const expected: number[][] = [[]];
    let size = 0;
    for (const n of sent.map(lineBytes)) {
      if (size > 0 && size + n > maxBytes) {
        expected.push([]);
        size = 0;
      }
      expected[expected.length - 1]?.push(n);
      size += n;
    }
    const rotated = Array.from({ length: expected.length - 1 }, (_, i) => join(dir, `activity.${expected.length - 1 - i}.jsonl`));
    const files = [...rotated, file];
    expect((await fs.readdir(dir)).length).toBe(files.length);
    const actual: ActivityEntry[][] = [];
    for (const f of files) actual.push(await lines(f));
    expect(actual.map((entries) => entries.map(lineBytes))).toEqual(expected);
    expect(actual.flat().map((e) => e.id)).toEqual(sent.map((e) => e.id));
    for (const [i, f] of files.entries()) {
      const bytes = (await fs.stat(f)).size;
      if (bytes > maxBytes) expect(actual[i]).toHaveLength(1);
      else expect(bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(actual.some((entries) => entries.length === 1 && (entries[0]?.detail?.length ?? 0) === 2500)).toBe(true);
    // One write per file a batch touches, not one per entry.
    expect(probe.writes).toBeLessThanOrEqual(files.length + 4);
    expect(probe.writes).toBeLessThan(sent.length / 4);
  });

  it('close writes what is queued and closes the file; appending after close reopens it', async () => {
    const file = ActivityLog.fileIn(dir);
    const { probe, open } = probeOpen();
    const log = makeLog({ file, openFile: open });
    await log.close();
    expect(probe.opens).toBe(0);
    for (const d of ['a', 'b', 'c']) void log.append({ accountId: 'x', kind: 'system', detail: d });
    await log.close();
    expect(probe).toMatchObject({ opens: 1, closes: 1 });
    expect((await lines(file)).map((e) => e.detail)).toEqual(['a', 'b', 'c']);
    await log.append({ accountId: 'x', kind: 'system', detail: 'd' });
    expect((await lines(file)).map((e) => e.detail)).toEqual(['a', 'b', 'c', 'd']);
    await log.close();
    expect(probe).toMatchObject({ opens: 2, closes: 2 });
    expect(log.lastError).toBeUndefined();
  });

  it('a failed write resolves its appends, sets lastError, and the next write reopens the file and carries the held entries first', async () => {
    const file = ActivityLog.fileIn(dir);
    const { probe, open } = probeOpen();
    const log = makeLog({ file, openFile: open });
    await log.append({ accountId: 'x', kind: 'system', detail: 'before' });
    probe.failWrites = 1;
    const held = await Promise.all(['a', 'b'].map((d) => log.append({ accountId: 'x', kind: 'system', detail: d })));
    expect(held.map((e) => e.detail)).toEqual(['a', 'b']);
    expect(log.lastError).toMatch(/^activity log write failed \(.*activity\.jsonl\): ENOSPC: no space left on device, write; 2 entries held for a retry on the next write$/);
    expect(log.list().map((e) => e.detail)).toEqual(['b', 'a', 'before']);
    await log.append({ accountId: 'x', kind: 'system', detail: 'c' });
    expect(log.lastError).toBeUndefined();
    expect((await lines(file)).map((e) => e.detail)).toEqual(['before', 'a', 'b', 'c']);
    expect(probe.opens).toBe(2);
  });

  it('retries a failed entry once, then gives up on it and says how many entries were not written', async () => {
    const file = ActivityLog.fileIn(dir);
    const { probe, open } = probeOpen();
    const log = makeLog({ file, openFile: open });
    probe.failWrites = 2;
    await log.append({ accountId: 'x', kind: 'system', detail: 'a' });
    await log.append({ accountId: 'x', kind: 'system', detail: 'b' });
    expect(log.lastError).toMatch(/: ENOSPC[^;]*; 1 entry held for a retry on the next write; 1 entry not written$/);
    await log.append({ accountId: 'x', kind: 'system', detail: 'c' });
    expect(log.lastError).toBeUndefined();
    expect((await lines(file)).map((e) => e.detail)).toEqual(['b', 'c']);
    expect(log.list().map((e) => e.detail)).toEqual(['c', 'b', 'a']);
  });

  it('keeps ids unique and increasing even when the clock steps back', async () => {
    const log = makeLog({ file: ActivityLog.fileIn(dir) });
    const now = vi.spyOn(Date, 'now');
    const ids: string[] = [];
    for (const t of [2_000_000_000_000, 2_000_000_000_000, 1_000_000_000_000, 2_000_000_000_001]) {
      now.mockReturnValue(t);
      ids.push((await log.append({ accountId: 'x', kind: 'system' })).id);
    }
    const parts = ids.map((id) => id.split('-').map((p) => parseInt(p, 36)) as [number, number]);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < parts.length; i++) {
      const [t0, s0] = parts[i - 1] as [number, number];
      const [t1, s1] = parts[i] as [number, number];
      expect(t1 > t0 || (t1 === t0 && s1 > s0)).toBe(true);
    }
  });
});
