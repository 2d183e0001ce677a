import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheKey, readCodeCache, runBundle, writeCodeCache } from '../../electron/cli/code-cache.js';
import { CLI_BIN } from '../helpers/bins.js';

let dir: string;
let bundle: string;
const ran = globalThis as { __codeCacheRuns?: number; __codeCacheFile?: string };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  bundle = join(dir, 'main.cjs');
  // A small CommonJS program that shows it ran with CommonJS's own arguments.
  writeFileSync(bundle, `'use strict';\nglobalThis.__codeCacheRuns = (globalThis.__codeCacheRuns ?? 0) + 1;\nglobalThis.__codeCacheFile = __filename;\nmodule.exports = require('node:path').basename(__filename);\n${'function f(n) { return n + 1; }\n'.repeat(200)}`);
  ran.__codeCacheRuns = 0;
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('the CLI code cache', () => {
  it('runs the bundle as CommonJS, leaves a private cache, and the next start uses it', () => {
    vi.useFakeTimers();
    expect(runBundle(bundle)).toBe('none');
    expect(ran.__codeCacheRuns).toBe(1);
    expect(ran.__codeCacheFile).toBe(bundle);
    vi.advanceTimersByTime(1000);
    const cacheFile = `${bundle}.v8cache`;
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(cacheFile).subarray(0, 30).toString()).toContain('imsg-companion-v8cache');
    expect(runBundle(bundle)).toBe('used');
    expect(ran.__codeCacheRuns).toBe(2);
  });

  it('ignores a cache made for another build of the bundle, or one others could write', () => {
    const cacheFile = `${bundle}.v8cache`;
    const key = cacheKey(bundle);
    expect(writeCodeCache(cacheFile, key, Buffer.from('bytecode'))).toBe(true);
    expect(readCodeCache(cacheFile, key)?.toString()).toBe('bytecode');
    // A rebuilt bundle (new mtime) asks for a new cache.
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    expect(readCodeCache(cacheFile, cacheKey(bundle))).toBeUndefined();
    writeCodeCache(cacheFile, cacheKey(bundle), Buffer.from('bytecode'));
    chmodSync(cacheFile, 0o620);
    expect(readCodeCache(cacheFile, cacheKey(bundle))).toBeUndefined();
    chmodSync(cacheFile, 0o600);
    expect(readCodeCache(cacheFile, cacheKey(bundle))?.toString()).toBe('bytecode');
  });

  it('a damaged cache is rejected by V8: the bundle still runs, and the cache is made again', () => {
    vi.useFakeTimers();
    const cacheFile = `${bundle}.v8cache`;
    writeCodeCache(cacheFile, cacheKey(bundle), Buffer.alloc(4096, 7));
    expect(runBundle(bundle)).toBe('rejected');
    expect(ran.__codeCacheRuns).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(runBundle(bundle)).toBe('used');
  });

  it('off: compiles plainly and writes nothing', () => {
    vi.useFakeTimers();
    expect(runBundle(bundle, { useCache: false })).toBe('off');
    vi.advanceTimersByTime(1000);
    expect(existsSync(`${bundle}.v8cache`)).toBe(false);
  });

  it('the built CLI runs through it (a cache appears beside its bundle) with the same output', () => {
    const plain = spawnSync(process.execPath, [CLI_BIN, '--version'], { encoding: 'utf8', env: { ...process.env, IMSG_COMPANION_CODE_CACHE: '0' } });
    const cached = spawnSync(process.execPath, [CLI_BIN, '--version'], { encoding: 'utf8' });
    expect(cached.stdout).toBe(plain.stdout);
    expect(cached.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(existsSync(CLI_BIN.replace(/imsg-companion\.js$/, 'imsg-companion-main.cjs.v8cache'))).toBe(true);
  });
});
