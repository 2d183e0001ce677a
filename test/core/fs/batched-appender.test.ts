import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchedAppender, RETRY_CAP } from '../../../electron/core/fs/batched-appender.js';
import type { RotatingFileOptions } from '../../../electron/core/fs/rotating-file.js';
import { probeOpen } from './append-probe.js';

let dir: string;
let opened: BatchedAppender[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'batched-appender-'));
});
afterEach(async () => {
  await Promise.all(opened.map((a) => a.close()));
  opened = [];
  await fs.rm(dir, { recursive: true, force: true });
});

/** An appender closed after the test. */
function make(opts: Partial<RotatingFileOptions> = {}): BatchedAppender {
  const appender = new BatchedAppender({ file: join(dir, 'log.jsonl'), maxBytes: 1 << 20, keep: 3, ...opts });
  opened.push(appender);
  return appender;
}

/** Lines of every file, oldest rotated file first. */
async function allLines(keep: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = keep; i >= 0; i--) {
    const text = await fs.readFile(join(dir, i === 0 ? 'log.jsonl' : `log.${i}.jsonl`), 'utf8').catch(() => '');
    out.push(...text.split('\n').filter((l) => l !== ''));
  }
  return out;
}

/** A 20-byte line (19 characters and the newline). */
const line = (n: number): string => `line-${String(n).padStart(14, '0')}\n`;

describe('BatchedAppender', () => {
  it('holds at most RETRY_CAP lines after a failure and counts the oldest beyond it as not written', async () => {
    const { probe, open } = probeOpen();
    const appender = make({ open });
    probe.failWrites = 1;
    const total = RETRY_CAP + 50;
    await Promise.all(Array.from({ length: total }, (_, i) => appender.append(line(i))));
    expect(appender.lastError).toBe(`write failed (${join(dir, 'log.jsonl')}): ENOSPC: no space left on device, write; ${RETRY_CAP} entries held for a retry on the next write; 50 entries not written`);
    await appender.append(line(total));
    expect(appender.lastError).toBeUndefined();
    expect(await allLines(0)).toEqual(Array.from({ length: RETRY_CAP + 1 }, (_, i) => line(50 + i).trimEnd()));
  });

  it('after a failure midway through a batch that spans a rotation, retries only the unwritten lines: no loss, no duplicate', async () => {
    const { probe, open } = probeOpen();
    // 50 bytes hold two 20-byte lines: a 6-line batch writes three files.
    const appender = make({ open, maxBytes: 50, keep: 10 });
    probe.failAt.add(2);
    await Promise.all([0, 1, 2, 3, 4, 5].map((n) => appender.append(line(n))));
    expect(appender.lastError).toMatch(/; 4 entries held for a retry on the next write$/);
    await appender.append(line(6));
    expect(appender.lastError).toBeUndefined();
    expect(await allLines(10)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => line(n).trimEnd()));
    for (const name of await fs.readdir(dir)) expect((await fs.stat(join(dir, name))).size).toBeLessThanOrEqual(50);
  });

  it('close gives held lines their retry before closing', async () => {
    const { probe, open } = probeOpen();
    const appender = make({ open });
    probe.failWrites = 1;
    await appender.append(line(1));
    expect(appender.lastError).toMatch(/1 entry held/);
    await appender.close();
    expect(appender.lastError).toBeUndefined();
    expect(await allLines(0)).toEqual([line(1).trimEnd()]);
    expect(probe.closes).toBe(probe.opens);
  });

  it('on a dead disk close still resolves and closes, giving up on the held lines', async () => {
    const { probe, open } = probeOpen();
    const appender = make({ open });
    probe.failWrites = 100;
    await appender.append(line(1));
    await appender.close();
    expect(appender.lastError).toMatch(/ENOSPC[^;]*; 1 entry not written$/);
    expect(probe.closes).toBe(probe.opens);
  });

  it('flush waits for lines appended so far, even with a write in flight', async () => {
    const appender = make();
    void appender.append(line(1));
    await new Promise((resolve) => setImmediate(resolve));
    void appender.append(line(2));
    await appender.flush();
    expect(await allLines(0)).toEqual([line(1).trimEnd(), line(2).trimEnd()]);
  });
});
