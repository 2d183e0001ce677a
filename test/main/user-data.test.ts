// @vitest-environment node
// Chromium's files out of our state dir: moved by name, ours untouched, singleton links dropped.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateChromiumFiles, useOwnUserData } from '../../electron/main/user-data.js';

let tmp: string;
beforeEach(() => void (tmp = mkdtempSync(join(tmpdir(), 'imsg-userdata-'))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('useOwnUserData', () => {
  it('sets <appData>/imsg Companion, or a sibling when the state dir was pointed at that very folder', () => {
    const paths: Record<string, string> = { appData: '/AS' };
    const app = { getPath: (n: 'appData' | 'userData') => paths[n] as string, setPath: (_n: 'userData', p: string) => void (paths.userData = p) };
    expect(useOwnUserData(app, '/AS/imsg-companion')).toBe('/AS/imsg Companion');
    expect(paths.userData).toBe('/AS/imsg Companion');
    expect(useOwnUserData(app, '/AS/imsg Companion')).toBe('/AS/imsg Companion (Chromium)');
  });
});

describe('migrateChromiumFiles', () => {
  it('moves what an earlier build left in the state dir, keeps our files, drops stale singleton links', () => {
    const state = join(tmp, 'imsg-companion');
    const userData = join(tmp, 'imsg Companion');
    mkdirSync(join(state, 'Local Storage', 'leveldb'), { recursive: true });
    writeFileSync(join(state, 'Local Storage', 'leveldb', 'x.log'), 'ls');
    mkdirSync(join(state, 'GPUCache'));
    writeFileSync(join(state, 'Preferences'), '{}');
    writeFileSync(join(state, 'config.json5'), '{ mine: true }');
    mkdirSync(join(state, 'accounts'));
    symlinkSync('somehost-999999999', join(state, 'SingletonLock'));
    const done = migrateChromiumFiles(state, userData);
    expect(done.sort()).toEqual(['GPUCache', 'Local Storage', 'Preferences', 'SingletonLock']);
    expect(readFileSync(join(userData, 'Local Storage', 'leveldb', 'x.log'), 'utf8')).toBe('ls');
    expect(existsSync(join(state, 'Local Storage'))).toBe(false);
    expect(existsSync(join(state, 'SingletonLock'))).toBe(false);
    expect(readFileSync(join(state, 'config.json5'), 'utf8')).toBe('{ mine: true }');
    expect(existsSync(join(state, 'accounts'))).toBe(true);
    // Idempotent: nothing left to move.
    expect(migrateChromiumFiles(state, userData)).toEqual([]);
  });

  it('keeps the newer copy already in userData and removes the old one', () => {
    const state = join(tmp, 'state');
    const userData = join(tmp, 'ud');
    mkdirSync(state);
    mkdirSync(userData);
    writeFileSync(join(state, 'Preferences'), 'old');
    writeFileSync(join(userData, 'Preferences'), 'new');
    migrateChromiumFiles(state, userData);
    expect(readFileSync(join(userData, 'Preferences'), 'utf8')).toBe('new');
    expect(existsSync(join(state, 'Preferences'))).toBe(false);
  });

  it('leaves everything alone while an old build still runs on the state dir', () => {
    const state = join(tmp, 'state');
    mkdirSync(state);
    writeFileSync(join(state, 'Preferences'), 'x');
    symlinkSync(`host-${process.pid}`, join(state, 'SingletonLock'));
    expect(migrateChromiumFiles(state, join(tmp, 'ud'))).toEqual([]);
    expect(existsSync(join(state, 'Preferences'))).toBe(true);
  });
});
