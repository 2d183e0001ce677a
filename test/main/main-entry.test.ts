// @vitest-environment node
// electron/main/main.ts hands the real `electron` module (faked here) to boot and builds the core.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron.js';

// Never the developer's real state dir: boot moves an earlier build's Chromium files out of it.
process.env.IMSG_COMPANION_STATE_DIR = join(tmpdir(), `imsg-main-entry-${process.pid}`);
const fake = createFakeElectron();
vi.mock('electron', () => fake);
const createCore = vi.fn((opts: { version: string }) => ({
  handlers: {},
  events: { on: () => () => undefined },
  configPath: '/state/config.json5',
  stateDir: '/state',
  start: async () => undefined,
  stop: async () => undefined,
  opts,
}));
vi.mock('../../electron/main/core-host.js', () => ({ createCore }));

afterAll(() => void FakeBrowserWindow.all.splice(0));

describe('main entry', () => {
  it('boots on import: lock first, then the shell with a core built for this app version', async () => {
    await import('../../electron/main/main.js');
    await vi.waitFor(() => expect(createCore).toHaveBeenCalledTimes(1));
    expect(fake.app.calls.slice(0, 2)).toEqual(['setPath:userData', 'requestSingleInstanceLock']);
    expect(createCore.mock.calls[0]?.[0]).toMatchObject({ version: '0.0.0-test', platform: expect.objectContaining({ loginItem: expect.any(Function) }) });
    // The secret store's cipher is Electron's safeStorage (Keychain).
    const cipher = (createCore.mock.calls[0]?.[0] as unknown as { secretCipher: { id: string; encrypt(v: string): string; decrypt(v: string): string } }).secretCipher;
    expect(cipher.id).toBe('keychain');
    expect(cipher.decrypt(cipher.encrypt('k'))).toBe('k');
    expect(FakeBrowserWindow.all.at(-1)?.loaded).toEqual(['app://ui/index.html']);
  });
});
