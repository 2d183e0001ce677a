import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../electron/core/app/activity-log.js';
import type { ActivityEntry } from '../../../electron/contract/views.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'activity-log-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

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
    const log = new ActivityLog({ file });
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
    const log = new ActivityLog({ file, ring: 5 });
    for (let i = 0; i < 8; i++) void log.append({ accountId: 'a', kind: 'system', detail: `e${i}` });
    await log.flush();
    expect(log.list({ limit: 100 }).map((e) => e.detail)).toEqual(['e7', 'e6', 'e5', 'e4', 'e3']);
    expect(await lines(file)).toHaveLength(8);
  });

  it('rotates at maxBytes, keeps `keep` rotated files, never lets a file pass maxBytes, and loses no recent line', async () => {
    const file = ActivityLog.fileIn(dir);
    const maxBytes = 1200;
    const log = new ActivityLog({ file, maxBytes, keep: 2 });
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
    const before = new ActivityLog({ file });
    for (const d of ['a', 'b', 'c']) await before.append({ accountId: 'x', kind: 'system', detail: d });
    await fs.appendFile(file, '{"id":"torn","accountId":"x","kind":"sys');
    const after = new ActivityLog({ file });
    await after.loadTail();
    expect(after.list().map((e) => e.detail)).toEqual(['c', 'b', 'a']);
    await after.append({ accountId: 'x', kind: 'system', detail: 'd' });
    const reloaded = new ActivityLog({ file });
    await reloaded.loadTail();
    expect(reloaded.list().map((e) => e.detail)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('records a write failure instead of throwing, keeps the entry in memory, and recovers', async () => {
    const blocker = join(dir, 'not-a-dir');
    await fs.writeFile(blocker, 'a file where the log directory should be');
    const log = new ActivityLog({ file: join(blocker, 'activity.jsonl') });
    const entry = await log.append({ accountId: 'a', kind: 'system', detail: 'kept in memory' });
    expect(entry.detail).toBe('kept in memory');
    expect(log.lastError).toMatch(/^activity log write failed \(.*not-a-dir\/activity\.jsonl\): /);
    expect(log.list().map((e) => e.detail)).toEqual(['kept in memory']);
    await fs.rm(blocker);
    await log.append({ accountId: 'a', kind: 'system', detail: 'written' });
    expect(log.lastError).toBeUndefined();
    expect((await lines(join(blocker, 'activity.jsonl'))).map((e) => e.detail)).toEqual(['written']);
  });
});
