import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppendLog, type AppendLogIo, type AppendLogOptions, fileIo } from '../../../electron/core/fs/append-log.js';
import { until } from '../../helpers/until.js';

let dir: string;
let file: string;
const logs: AppendLog[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'append-log-'));
  file = join(dir, 'state', 'log.jsonl');
});
afterEach(async () => {
  for (const log of logs.splice(0)) await log.close().catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

/** A log whose live state is `state` (what a compaction writes), closed after the test. */
function open(state: string[], opts: Partial<AppendLogOptions> = {}): AppendLog {
  const log = new AppendLog(file, { snapshot: () => [...state], ...opts });
  logs.push(log);
  return log;
}

/** The lines of the file. */
async function lines(): Promise<string[]> {
  // No file yet reads as no lines (the tests poll before the first write lands).
  const text = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  return text.split('\n').filter((l) => l !== '');
}

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('AppendLog', () => {
  it('creates the directory (0700) and the file (0600), and appends lines in order', async () => {
    const log = open([]);
    await Promise.all(['a', 'b', 'c'].map((l) => log.append(l)));
    await log.append('d');
    expect(await lines()).toEqual(['a', 'b', 'c', 'd']);
    expect((await fs.stat(join(dir, 'state'))).mode & 0o777).toBe(0o700);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('nothing is written before ready() resolves', async () => {
    const ready = deferred();
    const log = open([], { ready: () => ready.promise });
    let landed = false;
    const appended = log.append('a').then(() => (landed = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(landed).toBe(false);
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    ready.resolve();
    await appended;
    expect(await lines()).toEqual(['a']);
  });

  it('lines appended while a batch is in flight share the next write', async () => {
    const gate = deferred();
    let writes = 0;
    const io: Partial<AppendLogIo> = {
      write: async (handle, data) => {
        if (++writes === 1) await gate.promise;
        return fileIo.write(handle, data);
      },
    };
    const log = open([], { io });
    const first = log.append('first');
    await new Promise((r) => setTimeout(r, 20));
    const rest = Array.from({ length: 100 }, (_, i) => log.append(`l${i}`));
    gate.resolve();
    await Promise.all([first, ...rest]);
    expect(writes).toBe(2);
    expect(await lines()).toHaveLength(101);
  });

  it('a line is written at once even while an fsync runs; it resolves after an fsync that started later', async () => {
    const syncs: Array<() => void> = [];
    const io: Partial<AppendLogIo> = {
      sync: async (handle) => {
        await new Promise<void>((r) => syncs.push(r));
        return fileIo.sync(handle);
      },
    };
    const log = open([], { io });
    let aDone = false;
    let bDone = false;
    const a = log.append('a').then(() => (aDone = true));
    // Polled, not slept: on a loaded machine the first write can take longer than any fixed wait.
    await until(async () => syncs.length === 1 && (await lines()).length === 1, 'a written, its fsync started');
    expect(await lines()).toEqual(['a']); // in the file (a crash of the app keeps it), not yet synced
    const b = log.append('b').then(() => (bDone = true));
    await until(async () => (await lines()).length === 2, 'b written');
    expect(await lines()).toEqual(['a', 'b']); // not held back by the fsync in flight
    expect([aDone, bDone]).toEqual([false, false]);
    syncs[0]?.();
    await a;
    await until(() => syncs.length === 2, 'the second fsync to start');
    expect(bDone).toBe(false); // the first fsync may have started before b was written
    syncs[1]?.();
    await b;
  });

  it('a failed fsync rejects the lines it covered and recovers with a compaction of the live state', async () => {
    let failSync = true;
    const io: Partial<AppendLogIo> = {
      sync: async (handle) => {
        if (failSync) {
          failSync = false;
          throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
        }
        return fileIo.sync(handle);
      },
    };
    const state = ['live-1', 'live-2'];
    const log = open(state, { io, retryMs: 20 });
    const first = log.append('a');
    await expect(first).rejects.toThrow(`cannot write ${file}: EIO`);
    expect(log.lastError).toContain('EIO');
    // The retry compacts: the file is the live state, written and synced afresh.
    await until(async () => (await lines()).join() === 'live-1,live-2', 'the compaction');
    expect(await lines()).toEqual(['live-1', 'live-2']);
    await log.append('b');
    expect(await lines()).toEqual(['live-1', 'live-2', 'b']);
  });

  it('an existing file not ending in a newline gets the next line on a line of its own', async () => {
    await fs.mkdir(join(dir, 'state'));
    await fs.writeFile(file, 'old\ntorn');
    const log = open([]);
    await log.append('new');
    expect(await lines()).toEqual(['old', 'torn', 'new']);
  });

  it('compacts after max(compactAfter, 2 × last snapshot) appends; lines appended meanwhile follow the snapshot', async () => {
    const state = ['s1', 's2'];
    const gate = deferred();
    let replaced = 0;
    const io: Partial<AppendLogIo> = {
      replace: async (f, data) => {
        replaced++;
        await gate.promise;
        return fileIo.replace(f, data);
      },
    };
    const log = open(state, { compactAfter: 3, io });
    await log.append('a');
    await log.append('b');
    await log.append('c');
    const compacting = log.append('d'); // the 4th append passes 3: a snapshot replaces the file
    await new Promise((r) => setTimeout(r, 20));
    const after = log.append('e'); // not in the snapshot taken already
    gate.resolve();
    await Promise.all([compacting, after]);
    expect(replaced).toBe(1);
    expect(await lines()).toEqual(['s1', 's2', 'e']);
  });

  it('existing() counts the lines of an earlier run toward compaction; requestCompaction forces one', async () => {
    const log = open(['live'], { compactAfter: 10 });
    log.existing(10);
    await log.append('x');
    expect(await lines()).toEqual(['live']);
    await log.append('y');
    expect(await lines()).toEqual(['live', 'y']);
    log.requestCompaction();
    await log.append('z');
    expect(await lines()).toEqual(['live']);
  });

  it('a failed compaction keeps its lines and is retried', async () => {
    let fail = true;
    const io: Partial<AppendLogIo> = { replace: (f, data) => (fail ? Promise.reject(new Error('EIO')) : fileIo.replace(f, data)) };
    const log = open(['live'], { io });
    log.requestCompaction();
    await expect(log.append('a')).rejects.toThrow(`cannot write ${file}: EIO`);
    expect(log.lastError).toContain('EIO');
    fail = false;
    await log.flush();
    expect(log.lastError).toBeUndefined();
    expect(await lines()).toEqual(['live']);
  });

  it('close() after a failure rejects, and stops the retry timer', async () => {
    let writes = 0;
    const io: Partial<AppendLogIo> = {
      write: () => {
        writes++;
        return Promise.reject(new Error('ENOSPC'));
      },
    };
    const log = open([], { io, retryMs: 10 });
    await expect(log.append('a')).rejects.toThrow(/ENOSPC/);
    await expect(log.close()).rejects.toThrow(/ENOSPC/);
    const after = writes;
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toBe(after);
  });
});
