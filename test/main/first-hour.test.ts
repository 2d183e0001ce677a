// @vitest-environment node
// The app's first hour on a fake electron: shown when opened by the user (not at login), reopened
// by `activate`, a title when the icon cannot show, power events, the privileged-key dialog,
// notification failures, "already running" from the core lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompanionEvents } from '../../electron/core/app/companion.js';
import { Emitter } from '../../electron/core/app/emitter.js';
import { InstanceBusyError } from '../../electron/core/transport/control-owner.js';
import { boot } from '../../electron/main/boot.js';
import type { CoreHandle, ElectronApi } from '../../electron/main/electron-api.js';
import { UNSIGNED_PROBLEM } from '../../electron/main/notification-status.js';
import type { Shell } from '../../electron/main/shell.js';
import { createFakeElectron, type FakeElectron, FakeBrowserWindow, FakeNotification, FakeTray } from './fake-electron.js';
import { account, pairingRequest, snapshot, stubHandlers } from './helpers.js';

let tmp: string;
beforeEach(() => {
  FakeBrowserWindow.all.splice(0);
  FakeTray.all.splice(0);
  FakeNotification.all.splice(0);
  FakeNotification.history = [];
  tmp = mkdtempSync(join(tmpdir(), 'imsg-first-hour-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(tmp, { recursive: true, force: true });
});

function stubCore(start: () => Promise<void> = async () => undefined) {
  const events = new Emitter<CompanionEvents>();
  return {
    handlers: stubHandlers(),
    events,
    configPath: '/state/config.json5',
    stateDir: '/state',
    start: vi.fn(start),
    stop: vi.fn(async () => undefined),
    flush: vi.fn(async () => undefined),
    checkHealth: vi.fn(async () => []),
    refresh: vi.fn(),
  } satisfies CoreHandle;
}
const settle = () => new Promise((resolve) => setImmediate(resolve));
const trusted = (win: FakeBrowserWindow) => ({ sender: { id: win.webContents.id }, senderFrame: { url: 'app://ui/index.html', parent: null } });

async function launch(opts: { openedAtLogin?: boolean; signed?: boolean; fake?: FakeElectron; core?: ReturnType<typeof stubCore> } = {}) {
  const fake = opts.fake ?? createFakeElectron({ openedAtLogin: opts.openedAtLogin, appData: join(tmp, 'appdata'), logs: join(tmp, 'logs') });
  const core = opts.core ?? stubCore();
  const log = vi.fn();
  const shell = (await boot(fake as unknown as ElectronApi, { createCore: () => core, platform: 'darwin', log, signed: opts.signed ?? true, stateDir: join(tmp, 'state') })) as Shell;
  await settle(); // ready-to-show
  return { fake, core, shell, log, win: FakeBrowserWindow.all[0] as FakeBrowserWindow, tray: FakeTray.all[0] as FakeTray };
}

describe('showing itself', () => {
  it('a launch by the user shows the popover; a launch at login does not', async () => {
    expect((await launch({ openedAtLogin: false })).win.visible).toBe(true);
    FakeBrowserWindow.all.splice(0);
    expect((await launch({ openedAtLogin: true })).win.visible).toBe(false);
  });

  it('activate (opened again from Finder, Spotlight or Launchpad) shows the popover of the running app', async () => {
    const { fake, win } = await launch({ openedAtLogin: true });
    expect(win.visible).toBe(false);
    fake.app.emit('activate', {}, false);
    expect(win.visible).toBe(true);
  });

  it('an activate during start-up at login does not show it (that is the launch itself)', async () => {
    const fake = createFakeElectron({ openedAtLogin: true, appData: join(tmp, 'appdata') });
    const pending = boot(fake as unknown as ElectronApi, { createCore: () => stubCore(), platform: 'darwin', log: vi.fn(), signed: true, stateDir: join(tmp, 'state') });
    fake.app.emit('activate', {}, false);
    await pending;
    await settle();
    expect(FakeBrowserWindow.all[0]?.visible).toBe(false);
  });

  it('an icon image that fails to load falls back to a title, and so does an item macOS did not place', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const fake = createFakeElectron({ openedAtLogin: true, appPath: '/missing/app', appData: join(tmp, 'appdata') });
    const { tray, shell } = await launch({ fake });
    expect(tray.title).toBe('imsg');
    expect(shell.tray.fallback).toBe(true);
    // A placed item with a good image: no title. An unplaced one (empty bounds) gets the title.
    FakeTray.all.splice(0);
    FakeBrowserWindow.all.splice(0);
    const placed = await launch({ openedAtLogin: true });
    expect(placed.tray.title).toBe('');
    vi.advanceTimersByTime(1_500);
    expect(placed.tray.title).toBe('imsg');
    placed.shell.tray.render({ icon: 'attention', title: '2', tooltip: 't' });
    expect(placed.tray.title).toBe('imsg 2');
  });
});

describe('userData', () => {
  it('is set explicitly to its own folder before the single-instance lock', async () => {
    const { fake } = await launch();
    expect(fake.app.paths.userData).toBe(join(tmp, 'appdata', 'imsg Companion'));
    expect(fake.app.calls.indexOf('setPath:userData')).toBeLessThan(fake.app.calls.indexOf('requestSingleInstanceLock'));
  });
});

describe('power', () => {
  it('holds prevent-app-suspension only while an account runs unpaused', async () => {
    const { fake, core, shell } = await launch();
    core.events.emit('snapshot', snapshot({ accounts: [account('default', 'stopped')] }));
    expect(fake.powerSaveBlocker.started).toEqual([]);
    core.events.emit('snapshot', snapshot());
    expect(fake.powerSaveBlocker.started).toEqual(['prevent-app-suspension']);
    expect(fake.powerSaveBlocker.active.size).toBe(1);
    core.events.emit('snapshot', snapshot());
    expect(fake.powerSaveBlocker.started).toHaveLength(1);
    core.events.emit('snapshot', snapshot({ paused: true }));
    expect(fake.powerSaveBlocker.active.size).toBe(0);
    expect(shell.power.blocking).toBe(false);
  });

  it('suspend flushes the journal and cursors; resume re-checks permissions and pings imsg', async () => {
    const { fake, core } = await launch();
    fake.powerMonitor.emit('suspend');
    expect(core.flush).toHaveBeenCalledTimes(1);
    expect(core.checkHealth).not.toHaveBeenCalled();
    fake.powerMonitor.emit('resume');
    expect(core.checkHealth).toHaveBeenCalledTimes(1);
  });

  it('shutdown quits at once: flush first, and the quit does not wait out the 5 s guard', async () => {
    const { fake, core } = await launch();
    core.events.emit('snapshot', snapshot());
    // A core that never finishes stopping: only the short deadline lets the quit through.
    core.stop.mockImplementation(() => new Promise(() => undefined));
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    fake.powerMonitor.emit('shutdown');
    expect(fake.app.quitCount).toBe(1);
    fake.app.emit('before-quit', { preventDefault: vi.fn() });
    await settle();
    expect(core.flush).toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    await settle();
    expect(fake.app.quitCount).toBe(2);
    expect(fake.powerSaveBlocker.active.size).toBe(0);
  });
});

describe('privileged config keys over IPC', () => {
  it('a privileged key needs the native dialog with the exact value; Cancel refuses, Change applies', async () => {
    const { fake, core, win } = await launch();
    const set = fake.ipcMain.handlers.get('imsg:verb:config:set');
    fake.dialog.answers.push(0);
    const refused = await set?.(trusted(win), { key: 'channels.imessage.cliPath', value: '/tmp/evil imsg' });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'channels.imessage.cliPath was not changed: it was not confirmed in the dialog.' } });
    expect(core.handlers['config:set']).not.toHaveBeenCalled();
    expect(fake.dialog.shown[0]).toMatchObject({ message: 'Change channels.imessage.cliPath?', defaultId: 0, cancelId: 0, buttons: ['Cancel', 'Change Setting'] });
    expect(String(fake.dialog.shown[0]?.detail)).toContain('"/tmp/evil imsg"');
    fake.dialog.answers.push(1);
    expect(await set?.(trusted(win), { key: 'agents.list[0].backend.argv', value: ['/bin/echo', 'hi'] })).toMatchObject({ ok: true });
    expect(core.handlers['config:set']).toHaveBeenCalledWith({ key: 'agents.list[0].backend.argv', value: ['/bin/echo', 'hi'] });
    expect(String(fake.dialog.shown[1]?.detail)).toContain('"/bin/echo",\n  "hi"');
  });

  it('an unset asks too; an ordinary key asks nothing', async () => {
    const { fake, core, win } = await launch();
    const unset = fake.ipcMain.handlers.get('imsg:verb:config:unset');
    expect(await unset?.(trusted(win), { key: 'channels.imessage.accounts.work.dbPath' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(String(fake.dialog.shown[0]?.detail)).toContain('(removed: the default applies)');
    expect(await fake.ipcMain.handlers.get('imsg:verb:config:set')?.(trusted(win), { key: 'channels.imessage.dmPolicy', value: 'open' })).toMatchObject({ ok: true });
    expect(fake.dialog.shown).toHaveLength(1);
    expect(core.handlers['config:set']).toHaveBeenCalledWith({ key: 'channels.imessage.dmPolicy', value: 'open' });
  });
});

describe('notifications', () => {
  it('a failed notification is reported in the snapshot platform view, and a shown one clears it', async () => {
    const { core, shell } = await launch();
    core.events.emit('pairing:new', pairingRequest('ZZ11YY'));
    const note = FakeNotification.all[0] as FakeNotification;
    note.emit('failed', {}, 'Notifications are not allowed for this application');
    expect(shell.notifications.view()).toEqual({ ok: false, problem: expect.stringContaining('Notifications are not allowed for this application') });
    expect(shell.platform.describe().notifications).toEqual(shell.notifications.view());
    expect(core.refresh).toHaveBeenCalledTimes(1);
    core.events.emit('pairing:new', pairingRequest('ZZ22YY'));
    (FakeNotification.all[1] as FakeNotification).emit('show');
    expect(shell.platform.describe().notifications).toEqual({ ok: true });
  });

  it('an unsigned build creates none and says so', async () => {
    const { core, shell } = await launch({ signed: false });
    core.events.emit('pairing:new', pairingRequest());
    expect(FakeNotification.all).toHaveLength(0);
    expect(shell.platform.describe().notifications).toEqual({ ok: false, problem: UNSIGNED_PROBLEM });
  });

  it('pairing notifications left by an earlier run get Approve/Deny back after a relaunch', async () => {
    const left = new FakeNotification({ id: 'pairing:work:K7QX2M', title: 'New pairing request' });
    FakeNotification.history = [left];
    const { core } = await launch();
    await settle();
    left.emit('action', { actionIndex: 0 });
    await settle();
    expect(core.handlers['pairing:approve']).toHaveBeenCalledWith({ code: 'K7QX2M', accountId: 'work' });
  });
});

describe('another instance owns the state dir', () => {
  it('says which one in a dialog and quits', async () => {
    const busy = new InstanceBusyError('/state', { pid: 4242, kind: 'serve', version: '0.1.0', startedAt: '2026-01-01T00:00:00.000Z' });
    const { fake, shell } = await launch({ core: stubCore(async () => Promise.reject(busy)) });
    await shell.started;
    expect(fake.dialog.shown[0]).toMatchObject({ message: 'imsg Companion is already running' });
    expect(String(fake.dialog.shown[0]?.detail)).toContain('imsg-companion serve (pid 4242');
    expect(fake.app.quitCount).toBe(1);
  });
});

describe('the menu', () => {
  it('has Reveal Logs (app:reveal-logs) and an update item that is off in unsigned builds', async () => {
    const { core, tray } = await launch({ signed: false });
    tray.emit('right-click', {}, { x: 1200, y: 0, width: 24, height: 24 });
    const items = (tray.menus[0] as { template: Array<{ id?: string; label?: string; enabled?: boolean; click?: () => void }> }).template;
    items.find((i) => i.id === 'logs')?.click?.();
    await settle();
    expect(core.handlers['app:reveal-logs']).toHaveBeenCalledWith({});
    expect(items.find((i) => i.id === 'updates')).toMatchObject({ label: 'Updates Off in This Build', enabled: false });
  });
});
