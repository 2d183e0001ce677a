// @vitest-environment node
// The Mac app's cliPath picker (`account:pick-cli-path`): main shows the native open dialog, checks
// the choice is an executable file, and writes the account's cliPath through the core's config:set;
// over IPC it needs no second confirmation, while every other transport answers `unavailable`.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompanionEvents } from '../../electron/core/app/companion.js';
import { Emitter } from '../../electron/core/app/emitter.js';
import type { AppConfig } from '../../electron/core/config/schema.js';
import { boot } from '../../electron/main/boot.js';
import type { CoreHandle, ElectronApi } from '../../electron/main/electron-api.js';
import type { Shell } from '../../electron/main/shell.js';
import { DEFAULT_CLI_DIR, executableProblem, pickCliPathHandler } from '../../electron/main/cli-path-picker.js';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron.js';
import { stubHandlers } from './helpers.js';

let tmp: string;
let imsg: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'imsg-pick-'));
  imsg = join(tmp, 'imsg');
  writeFileSync(imsg, '#!/bin/sh\necho 0.9.0\n');
  chmodSync(imsg, 0o755);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const twoAccounts: AppConfig = { channels: { imessage: { accounts: { Work: { cliPath: '/usr/local/bin/imsg' }, home: {} } } } };

function picker(config: AppConfig = {}) {
  const fake = createFakeElectron({ appData: join(tmp, 'appdata'), logs: join(tmp, 'logs') });
  const write = vi.fn(async (_input: { key: string; value: unknown }) => ({ ok: true, issues: [] }));
  const reshow = vi.fn();
  const pick = pickCliPathHandler({ dialog: fake.dialog as never, config: () => config, write, reshow });
  return { fake, write, reshow, pick };
}

describe('account:pick-cli-path in the Mac app', () => {
  it('opens a one-file dialog in Homebrew\'s bin and writes the chosen program as the account\'s cliPath', async () => {
    const { fake, write, reshow, pick } = picker();
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [imsg] });
    expect(await pick({ accountId: 'default' })).toEqual({ canceled: false, cliPath: imsg, ok: true, issues: [] });
    expect(fake.dialog.opened[0]).toMatchObject({ defaultPath: DEFAULT_CLI_DIR, properties: ['openFile'], buttonLabel: 'Use This Program' });
    expect(write).toHaveBeenCalledWith({ key: 'channels.imessage.cliPath', value: imsg });
    expect(reshow).toHaveBeenCalledTimes(1);
  });

  it('writes under the account\'s own key as written in the file, starting next to its current program', async () => {
    const { fake, write, pick } = picker(twoAccounts);
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [imsg] });
    await pick({ accountId: 'work' });
    expect(fake.dialog.opened[0]).toMatchObject({ defaultPath: '/usr/local/bin' });
    expect(write).toHaveBeenCalledWith({ key: 'channels.imessage.accounts.Work.cliPath', value: imsg });
    await expect(pick({ accountId: 'nope' })).rejects.toThrow('account:pick-cli-path: no account "nope" in channels.imessage');
  });

  it('Cancel writes nothing', async () => {
    const { write, reshow, pick } = picker();
    expect(await pick({ accountId: 'default' })).toEqual({ canceled: true, ok: false, issues: [] });
    expect(write).not.toHaveBeenCalled();
    expect(reshow).toHaveBeenCalled();
  });

  it('refuses what is not an executable file, naming the key and why', async () => {
    const plain = join(tmp, 'notes.txt');
    writeFileSync(plain, 'x');
    const app = join(tmp, 'Some.app');
    mkdirSync(app);
    const shelly = join(tmp, 'imsg;rm -rf');
    writeFileSync(shelly, '');
    chmodSync(shelly, 0o755);
    const { fake, write, pick } = picker();
    for (const path of [plain, app, shelly, join(tmp, 'gone')]) fake.dialog.openAnswers.push({ canceled: false, filePaths: [path] });
    const messages = [];
    for (let i = 0; i < 4; i++) {
      const result = await pick({ accountId: 'default' });
      expect(result).toMatchObject({ canceled: false, ok: false });
      expect(result.issues[0]?.path).toBe('channels.imessage.cliPath');
      messages.push(result.issues[0]?.message);
    }
    expect(messages).toEqual([
      `${JSON.stringify(plain)} is not executable: choose the imsg program (Homebrew installs it as /opt/homebrew/bin/imsg).`,
      `${JSON.stringify(app)} is a folder or an app bundle, not a program: choose the imsg program itself.`,
      `${JSON.stringify(shelly)} has characters a program path may not have (quotes, shell characters such as ; | $ or line breaks).`,
      `${JSON.stringify(join(tmp, 'gone'))} does not exist.`,
    ]);
    expect(write).not.toHaveBeenCalled();
    expect(await executableProblem('imsg')).toBe('is not an absolute path');
    expect(await executableProblem(imsg)).toBeUndefined();
  });

  it('passes on what config:set says about a value it refuses', async () => {
    const { fake, write, pick } = picker();
    write.mockResolvedValueOnce({ ok: false, issues: [{ path: 'channels.imessage.cliPath', message: 'the config file changed on disk' }] } as never);
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [imsg] });
    expect(await pick({ accountId: 'default' })).toEqual({ canceled: false, cliPath: imsg, ok: false, issues: [{ path: 'channels.imessage.cliPath', message: 'the config file changed on disk' }] });
  });
});

describe('account:pick-cli-path over IPC', () => {
  it('is main\'s own handler: the dialog, then config:set without the privileged-key confirmation', async () => {
    FakeBrowserWindow.all.splice(0);
    const fake = createFakeElectron({ appData: join(tmp, 'appdata'), logs: join(tmp, 'logs') });
    const core = {
      handlers: stubHandlers(),
      events: new Emitter<CompanionEvents>(),
      configPath: '/state/config.json5',
      stateDir: '/state',
      config: () => twoAccounts,
      start: vi.fn(async () => undefined),
      stop: vi.fn(async () => undefined),
      flush: vi.fn(async () => undefined),
      checkHealth: vi.fn(async () => []),
      refresh: vi.fn(),
    } satisfies CoreHandle;
    (await boot(fake as unknown as ElectronApi, { createCore: () => core, platform: 'darwin', log: vi.fn(), signed: true, stateDir: join(tmp, 'state') })) as Shell;
    await new Promise((resolve) => setImmediate(resolve));
    const win = FakeBrowserWindow.all[0] as FakeBrowserWindow;
    win.hide();
    const pick = fake.ipcMain.handlers.get('imsg:verb:account:pick-cli-path');
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [imsg] });
    const result = await pick?.({ sender: { id: win.webContents.id }, senderFrame: { url: 'app://ui/index.html', parent: null } }, { accountId: 'home' });
    expect(result).toMatchObject({ ok: true, data: { canceled: false, cliPath: imsg } });
    expect(core.handlers['config:set']).toHaveBeenCalledWith({ key: 'channels.imessage.accounts.home.cliPath', value: imsg });
    expect(fake.dialog.shown).toEqual([]); // no "Change Setting?" box: the open dialog was the choice
    expect(core.handlers['account:pick-cli-path']).not.toHaveBeenCalled();
    expect(win.visible).toBe(true); // the popover is back after the dialog
    // Another page (not the app's window) may not open dialogs.
    expect(await pick?.({ sender: { id: 999 }, senderFrame: { url: 'https://evil.example/', parent: null } }, { accountId: 'home' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.dialog.opened).toHaveLength(1);
  });
});
