import { promises as fs } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../electron/core/fs/file-lock.js';
import { bundleWorker } from '../pairing/fixtures/bundle-worker.js';

let dir: string;
let lockPath: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'file-lock-'));
  lockPath = join(dir, 'sub', 'state.lock');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Plant a lock as another holder would have left it. */
async function plantHolder(info: { pid: number; host?: string }, ageMs = 0): Promise<string> {
  await fs.mkdir(lockPath, { recursive: true });
  const file = join(lockPath, 'holder-00aa11bb22cc33dd.json');
  await fs.writeFile(file, JSON.stringify({ pid: info.pid, host: info.host ?? hostname(), since: new Date(Date.now() - ageMs).toISOString() }));
  const when = new Date(Date.now() - ageMs);
  await fs.utimes(file, when, when);
  return file;
}

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = execa(process.execPath, ['-e', '']);
  const pid = child.pid;
  await child;
  if (pid === undefined) throw new Error('child has no pid');
  return pid;
}

describe('withFileLock', () => {
  it('lets only one caller in at a time, in the same process', async () => {
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((n) =>
        withFileLock(lockPath, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await new Promise((r) => setImmediate(r));
          order.push(n);
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('returns the result, and releases the lock even when fn throws', async () => {
    expect(await withFileLock(lockPath, async () => 42)).toBe(42);
    await expect(withFileLock(lockPath, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(fs.stat(lockPath)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await withFileLock(lockPath, async () => 'again', { timeoutMs: 200 })).toBe('again');
  });

  it('times out naming the lock path and the live holder pid', async () => {
    await plantHolder({ pid: process.pid });
    const started = Date.now();
    const err = await withFileLock(lockPath, async () => 1, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(lockPath);
    expect((err as Error).message).toContain(`pid ${process.pid}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it.each([
    ['its holder pid is dead', async () => plantHolder({ pid: await deadPid() }), 30_000],
    ['its heartbeat is older than staleMs', async () => plantHolder({ pid: process.pid }, 5_000), 1_000],
  ])('breaks a lock when %s', async (_name, plant, staleMs) => {
    const stale = await plant();
    expect(await withFileLock(lockPath, async () => 'got it', { timeoutMs: 2_000, staleMs })).toBe('got it');
    await expect(fs.stat(stale)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never breaks the lock of a live holder that keeps it longer than staleMs (heartbeat)', async () => {
    const events: string[] = [];
    let entered!: () => void;
    const holding = new Promise<void>((r) => (entered = r));
    const first = withFileLock(
      lockPath,
      async () => {
        entered();
        // Held for more than twice staleMs: only the heartbeat keeps it from looking stale.
        await new Promise((r) => setTimeout(r, 1_500));
        events.push('first released');
      },
      { staleMs: 600 },
    );
    await holding;
    const second = withFileLock(lockPath, async () => void events.push('second entered'), { staleMs: 600, timeoutMs: 5_000 });
    await Promise.all([first, second]);
    expect(events).toEqual(['first released', 'second entered']);
  });

  it('does not break a fresh lock of a live holder on another host by pid', async () => {
    // A pid from another machine cannot be checked here, so only age may make it stale.
    await plantHolder({ pid: await deadPid(), host: 'some-other-host' });
    await expect(withFileLock(lockPath, async () => 1, { timeoutMs: 200 })).rejects.toThrow(/some-other-host/);
  });

  it('refuses a lock path that is a regular file, naming it', async () => {
    await fs.mkdir(join(dir, 'sub'));
    await fs.writeFile(lockPath, 'not a lock');
    await expect(withFileLock(lockPath, async () => 1, { timeoutMs: 200 })).rejects.toThrow(lockPath);
    expect(await fs.readFile(lockPath, 'utf8')).toBe('not a lock');
  });

  it('excludes across OS processes, even when they all start by breaking the same stale lock', async () => {
    const worker = await bundleWorker(dir);
    const log = join(dir, 'log.txt');
    await plantHolder({ pid: await deadPid() });
    const iterations = 15;
    await Promise.all([0, 1, 2].map(() => execa(process.execPath, [worker, 'lock', lockPath, log, String(iterations), '30000'])));
    const lines = (await fs.readFile(log, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3 * iterations * 2);
    // Every critical section is S then E by the same pid, never interleaved with another.
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]).toMatch(/^S \d+$/);
      expect(lines[i + 1]).toBe(`E ${lines[i]?.slice(2)}`);
    }
    expect(new Set(lines.map((l) => l.slice(2))).size).toBe(3);
    expect(await fs.readdir(join(dir, 'sub'))).toEqual([]);
  });
});
