// Temp files a killed writer left (kill -9 during `config set`) are removed; a live writer's stay.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanStaleTemps } from '../../../electron/core/fs/stale-temps.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stale-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid no process has (pid_max is far below). */
const DEAD = 2 ** 30;

describe('cleanStaleTemps', () => {
  it('removes temps of dead writers and old lock staging dirs, keeps live ones and real files', async () => {
    const stale = [`.config.json5.${DEAD}.0123456789ab.tmp`, `.config.json5.bak.${DEAD}.0123456789ab.tmp`, `send-intents.jsonl.${DEAD}.tmp`];
    const kept = [`.config.json5.${process.pid}.0123456789ab.tmp`, 'config.json5', 'config.json5.bak', 'notes.tmp'];
    for (const name of [...stale, ...kept]) await writeFile(join(dir, name), 'x');
    const oldLock = join(dir, 'config.json5.lock.0123456789abcdef.tmp');
    const newLock = join(dir, 'config.json5.lock.fedcba9876543210.tmp');
    await mkdir(oldLock);
    await writeFile(join(oldLock, 'holder-0123456789abcdef.json'), '{}');
    await mkdir(newLock);
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(oldLock, old, old);

    const removed = await cleanStaleTemps(dir);
    expect(removed.sort()).toEqual([...stale, 'config.json5.lock.0123456789abcdef.tmp'].sort());
    expect((await readdir(dir)).sort()).toEqual([...kept, 'config.json5.lock.fedcba9876543210.tmp'].sort());
  });

  it('with prefixes, touches only the names it owns (a config dir may be the home folder)', async () => {
    await writeFile(join(dir, `.other.${DEAD}.0123456789ab.tmp`), 'x');
    await writeFile(join(dir, `.config.json5.${DEAD}.0123456789ab.tmp`), 'x');
    expect(await cleanStaleTemps(dir, ['.config.json5.'])).toEqual([`.config.json5.${DEAD}.0123456789ab.tmp`]);
    expect(await cleanStaleTemps(join(dir, 'missing'))).toEqual([]);
  });
});
