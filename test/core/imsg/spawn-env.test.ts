import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBinary, isPathLike } from '../../../electron/core/imsg/find-binary.js';
import { buildSpawnEnv } from '../../../electron/core/imsg/spawn-env.js';

describe('buildSpawnEnv', () => {
  it('puts Homebrew dirs first, keeps the inherited PATH, drops duplicates and empties', () => {
    const env = buildSpawnEnv({ PATH: '/usr/bin::/usr/local/bin:/bin:/usr/bin', HOME: '/h' });
    expect(env.PATH).toBe('/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin');
    expect(env.HOME).toBe('/h');
  });

  it('works without any PATH and does not mutate the input', () => {
    const base = { HOME: '/h' };
    expect(buildSpawnEnv(base).PATH).toBe('/opt/homebrew/bin:/usr/local/bin');
    expect(base).toEqual({ HOME: '/h' });
  });
});

describe('findBinary', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'imsg-find-'));
    await mkdir(join(dir, 'bin'));
    await writeFile(join(dir, 'bin', 'imsg'), '#!/bin/sh\n');
    await chmod(join(dir, 'bin', 'imsg'), 0o755);
    await writeFile(join(dir, 'bin', 'plain'), 'not executable');
    await mkdir(join(dir, 'bin', 'adir'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('classifies path-like values', () => {
    expect(['/a/imsg', './imsg', '~/imsg', 'bin/imsg', '..'].map(isPathLike)).toEqual([true, true, true, true, true]);
    expect(isPathLike('imsg')).toBe(false);
  });

  it('checks path-like values with access(X_OK)', async () => {
    expect(await findBinary(join(dir, 'bin', 'imsg'), {})).toBe(join(dir, 'bin', 'imsg'));
    expect(await findBinary(join(dir, 'bin', 'plain'), {})).toBeUndefined();
    expect(await findBinary(join(dir, 'bin', 'adir'), {})).toBeUndefined();
    expect(await findBinary(join(dir, 'bin', 'missing'), {})).toBeUndefined();
  });

  it('looks bare names up on the given PATH, in order', async () => {
    expect(await findBinary('imsg', { PATH: `/nonexistent:${join(dir, 'bin')}` })).toBe(join(dir, 'bin', 'imsg'));
    expect(await findBinary('imsg', { PATH: '/nonexistent' })).toBeUndefined();
    expect(await findBinary('plain', { PATH: join(dir, 'bin') })).toBeUndefined();
  });

  it('rejects empty names and control characters', async () => {
    expect(await findBinary('', { PATH: join(dir, 'bin') })).toBeUndefined();
    expect(await findBinary('imsg\n', { PATH: join(dir, 'bin') })).toBeUndefined();
  });
});
