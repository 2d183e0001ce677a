// The live holder: last good config kept, validated atomic writes with .bak, refused writes leave the
// file byte-identical, concurrent writers lose nothing, and the watcher reloads on change.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSON5 from 'json5';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigStore } from '../../../electron/core/config/config-store.js';
import { loadConfig } from '../../../electron/core/config/load.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { withFileLock } from '../../../electron/core/fs/file-lock.js';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'config-store-'));
  path = join(dir, 'config.json5');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const GOOD = '{ channels: { imessage: { dmPolicy: "disabled" } } }';
const readRaw = async (p = path): Promise<unknown> => JSON5.parse(await fs.readFile(p, 'utf8'));

describe('load', () => {
  it('starts from the defaults and stays there for a missing file', async () => {
    const store = new ConfigStore({ path });
    expect(store.current).toEqual({});
    expect(await store.load()).toMatchObject({ ok: true, exists: false });
    expect(store.current).toEqual({});
  });

  it('keeps the last good config in force when the file turns bad, and reports why', async () => {
    const store = new ConfigStore({ path });
    const seen: AppConfig[] = [];
    store.onChange((c) => seen.push(c));
    await fs.writeFile(path, GOOD);
    await store.load();
    await fs.writeFile(path, '{ channels: { imessage: { dmPolicy: "sometimes" } } }');
    expect(await store.load()).toMatchObject({ ok: false });
    expect(store.current).toEqual({ channels: { imessage: { dmPolicy: 'disabled' } } });
    expect(store.lastIssues).toEqual([{ path: 'channels.imessage.dmPolicy', message: 'expected one of pairing|allowlist|open|disabled, got "sometimes"' }]);
    await fs.writeFile(path, '{ oops');
    await store.load();
    expect(store.current).toEqual({ channels: { imessage: { dmPolicy: 'disabled' } } });
    expect(store.lastIssues[0]?.message).toMatch(/^JSON5 syntax error at line 1, column 7/);
    expect(seen).toHaveLength(1);
  });

  it('notifies listeners only when the good config actually changes', async () => {
    const store = new ConfigStore({ path });
    const listener = vi.fn();
    const off = store.onChange(listener);
    await fs.writeFile(path, GOOD);
    await store.load();
    await store.load();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.lastIssues).toEqual([]);
    off();
    await fs.writeFile(path, '{}');
    await store.load();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.current).toEqual({});
  });
});

describe('fileState (setup mode)', () => {
  it('missing → invalid first → valid → invalid later → deleted; listeners hear when setup ends and starts again', async () => {
    const store = new ConfigStore({ path });
    const heard: AppConfig[] = [];
    store.onChange((c) => heard.push(c));
    expect(store.fileState).toEqual({ exists: false, everValid: false });
    await store.load();
    expect(store.fileState).toEqual({ exists: false, everValid: false });
    await fs.writeFile(path, '{ channels: { imessage: { dmPolicy: "sometimes" } } }');
    await store.load();
    expect(store.fileState).toEqual({ exists: true, everValid: false });
    // An empty file is a valid (empty) config: the same `{}` as before, still announced.
    await fs.writeFile(path, '');
    await store.load();
    expect(store.fileState).toEqual({ exists: true, everValid: true });
    expect(heard).toEqual([{}]);
    await fs.writeFile(path, '{ nope');
    await store.load();
    expect(store.fileState).toEqual({ exists: true, everValid: true });
    await fs.rm(path);
    await store.load();
    expect(store.fileState).toEqual({ exists: false, everValid: true });
    expect(heard).toEqual([{}, {}]);
  });

  it('a set that creates the file ends setup mode', async () => {
    const store = new ConfigStore({ path });
    await store.load();
    expect(await store.set('channels.imessage.dmPolicy', 'pairing')).toMatchObject({ ok: true, changed: true });
    expect(store.fileState).toEqual({ exists: true, everValid: true });
  });
});

describe('set / unset', () => {
  it('creates the file, then keeps the previous version as .bak on each write', async () => {
    const store = new ConfigStore({ path });
    expect(await store.set('channels.imessage.dmPolicy', 'disabled')).toEqual({ ok: true, changed: true, issues: [] });
    await expect(fs.access(`${path}.bak`)).rejects.toThrow();
    const first = await fs.readFile(path, 'utf8');
    expect(await store.set('channels.imessage.accounts.work.allowFrom', ['+15550001111'])).toEqual({ ok: true, changed: true, issues: [], backupPath: `${path}.bak` });
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toBe(first);
    expect(await readRaw()).toEqual({ channels: { imessage: { dmPolicy: 'disabled', accounts: { work: { allowFrom: ['+15550001111'] } } } } });
    expect(store.current).toEqual(await readRaw());
    expect((await fs.stat(path)).mode & 0o777).toBe(0o600);
  });

  it('edits the file in place: comments, quotes and untouched lines stay byte-identical (the .bak keeps the old text)', async () => {
    const original = '// my notes\n{\n  channels: {\n    imessage: {\n      dmPolicy: \'disabled\', /* for now */\n      cliPath: "/opt/homebrew/bin/imsg", // brew\n    },\n  },\n}\n';
    await fs.writeFile(path, original);
    await new ConfigStore({ path }).set('channels.imessage.region', 'DE');
    const text = await fs.readFile(path, 'utf8');
    const kept = original.split('\n').filter((l) => l !== '    },' && l !== '');
    for (const line of kept) expect(text.split('\n')).toContain(line);
    expect(text).toContain('region');
    expect(JSON5.parse(text)).toEqual({ channels: { imessage: { dmPolicy: 'disabled', cliPath: '/opt/homebrew/bin/imsg', region: 'DE' } } });
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toBe(original);
  });

  it('refuses a write that would make the config invalid and leaves the file and .bak byte-identical', async () => {
    const original = Buffer.from('// keep me\n{ channels: { imessage: { allowFrom: ["+1555"] } } }\n');
    await fs.writeFile(path, original);
    await fs.writeFile(`${path}.bak`, 'older');
    const store = new ConfigStore({ path });
    await store.load();
    const before = store.current;
    const cases: [string, unknown, { path: string; message: string }][] = [
      ['channels.imessage.dmPolicy', 'open', { path: 'channels.imessage.allowFrom', message: 'channels.imessage.dmPolicy="open" requires channels.imessage.allowFrom to include "*"' }],
      ['channels.imessage.mediaMaxMb', 0, { path: 'channels.imessage.mediaMaxMb', message: 'expected an integer > 0' }],
      ['channels.imessage.accounts.work.bogus', 1, { path: 'channels.imessage.accounts.work.bogus', message: 'unknown key' }],
      ['channels.imessage.allowFrom.x', 1, { path: 'channels.imessage.allowFrom.x', message: 'expected a list index from 0 to 1' }],
      ['channels', 'off', { path: 'channels', message: 'expected an object' }],
      ['a..b', 1, { path: 'a..b', message: 'invalid key path "a..b": empty segment' }],
    ];
    for (const [key, value, issue] of cases) expect(await store.set(key, value)).toEqual({ ok: false, issues: [issue] });
    expect(await fs.readFile(path)).toEqual(original);
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toBe('older');
    expect(store.current).toBe(before);
  });

  it('refuses to edit a file with a syntax error, leaving it untouched', async () => {
    await fs.writeFile(path, '{ a: ');
    const result = await new ConfigStore({ path }).set('channels.imessage.region', 'DE');
    expect(result).toMatchObject({ ok: false, issues: [{ path: '', message: expect.stringMatching(/^JSON5 syntax error at line 1/) }] });
    expect(await fs.readFile(path, 'utf8')).toBe('{ a: ');
  });

  it('lets an already invalid file be repaired one key at a time, but not made worse', async () => {
    await fs.writeFile(path, '{ wat: 1, channels: { imessage: { mediaMaxMb: 0 } } }');
    const store = new ConfigStore({ path });
    expect(await store.set('channels.imessage.region', 5)).toEqual({ ok: false, issues: [{ path: 'channels.imessage.region', message: 'expected a string' }] });
    expect(await store.unset('wat')).toEqual({ ok: true, changed: true, issues: [{ path: 'channels.imessage.mediaMaxMb', message: 'expected an integer > 0' }], backupPath: `${path}.bak` });
    expect(store.current).toEqual({});
    expect(await store.set('channels.imessage.mediaMaxMb', 8)).toMatchObject({ ok: true, changed: true, issues: [] });
    expect(store.current).toEqual({ channels: { imessage: { mediaMaxMb: 8 } } });
  });

  it('does not rewrite the file when nothing changes', async () => {
    await fs.writeFile(path, GOOD);
    const store = new ConfigStore({ path });
    expect(await store.set('channels.imessage.dmPolicy', 'disabled')).toEqual({ ok: true, changed: false, issues: [] });
    expect(await store.unset('channels.imessage.region')).toEqual({ ok: true, changed: false, issues: [] });
    expect(await fs.readFile(path, 'utf8')).toBe(GOOD);
    await expect(fs.access(`${path}.bak`)).rejects.toThrow();
  });

  it('setText reads JSON5, and falls back to the text when the parsed value is refused', async () => {
    const store = new ConfigStore({ path });
    expect(await store.setText('channels.imessage.allowFrom', '["*", 15550001111]')).toMatchObject({ ok: true });
    expect(await store.setText('channels.imessage.defaultTo', '+15551234567')).toMatchObject({ ok: true });
    expect(await store.setText('channels.imessage.textChunkLimit', '900')).toMatchObject({ ok: true });
    expect(await store.setText('channels.imessage.chunkMode', 'newline')).toMatchObject({ ok: true });
    expect(await store.setText('channels.imessage.mediaMaxMb', '-1')).toEqual({ ok: false, issues: [{ path: 'channels.imessage.mediaMaxMb', message: 'expected an integer > 0' }] });
    expect(await readRaw()).toEqual({ channels: { imessage: { allowFrom: ['*', 15550001111], defaultTo: '+15551234567', textChunkLimit: 900, chunkMode: 'newline' } } });
  });

  it('loses no write when two holders (app and CLI) write at the same time', async () => {
    const app = new ConfigStore({ path });
    const cli = new ConfigStore({ path });
    const writes = Array.from({ length: 12 }, (_, i) => (i % 2 ? app : cli).set(`channels.imessage.dms.+1555000${String(i).padStart(4, '0')}.historyLimit`, i));
    const results = await Promise.all(writes);
    expect(results.every((r) => r.ok)).toBe(true);
    const dms = ((await readRaw()) as { channels: { imessage: { dms: Record<string, unknown> } } }).channels.imessage.dms;
    expect(Object.keys(dms)).toHaveLength(12);
  });

  it('reports a lock it cannot get instead of throwing, and writes nothing', async () => {
    await fs.writeFile(path, GOOD);
    const store = new ConfigStore({ path, lockTimeoutMs: 150 });
    const result = await withFileLock(`${path}.lock`, () => store.set('channels.imessage.region', 'DE'));
    expect(result).toMatchObject({ ok: false, issues: [{ path: '', message: expect.stringContaining('Timed out after 150 ms waiting for lock') }] });
    expect(await fs.readFile(path, 'utf8')).toBe(GOOD);
  });
});

describe('watch', () => {
  it('reloads after the file changes and keeps the last good config when it turns bad', async () => {
    await fs.writeFile(path, '{}');
    const store = new ConfigStore({ path, debounceMs: 20 });
    await store.load();
    const stop = store.watch();
    try {
      const changed = new Promise<AppConfig>((resolve) => store.onChange(resolve));
      // Another process (the CLI) edits the file.
      expect((await new ConfigStore({ path }).set('channels.imessage.region', 'DE')).ok).toBe(true);
      expect(await changed).toEqual({ channels: { imessage: { region: 'DE' } } });
      await fs.writeFile(path, '{ channels: { imessage: { region: 7 } } }');
      await vi.waitFor(() => expect(store.lastIssues).toEqual([{ path: 'channels.imessage.region', message: 'expected a string' }]), { timeout: 5000 });
      expect(store.current).toEqual({ channels: { imessage: { region: 'DE' } } });
    } finally {
      stop();
    }
    expect((await loadConfig(path)).ok).toBe(false);
  });

  it('reports a watch that cannot start instead of throwing', async () => {
    await fs.writeFile(join(dir, 'file'), '');
    const store = new ConfigStore({ path: join(dir, 'file', 'config.json5') });
    const stop = store.watch();
    stop();
    expect(store.lastIssues).toEqual([{ path: '', message: expect.stringMatching(/^cannot watch .*file: /) }]);
  });
});
