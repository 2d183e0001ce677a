// @vitest-environment node
// The whole shell on a fake electron and a stub core: start order, single instance, window
// hardening, IPC, events to the trusted window only, notifications, tray, orderly quit.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompanionEvents } from '../../electron/core/app/companion.js';
import { Emitter } from '../../electron/core/app/emitter.js';
import { boot } from '../../electron/main/boot.js';
import type { CoreHandle, ElectronApi } from '../../electron/main/electron-api.js';
import type { Shell } from '../../electron/main/shell.js';
import { createFakeElectron, type FakeElectron, FakeBrowserWindow, FakeNotification, FakeTray, FakeWebContents } from './fake-electron.js';
import { pairingRequest, snapshot, stubHandlers } from './helpers.js';

beforeEach(() => {
  FakeBrowserWindow.all.splice(0);
  FakeTray.all.splice(0);
  FakeNotification.all.splice(0);
});

function stubCore() {
  const events = new Emitter<CompanionEvents>();
  const core = {
    handlers: stubHandlers(),
    events,
    configPath: '/state/config.json5',
    stateDir: '/state',
    start: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
    flush: vi.fn(async () => undefined),
    checkHealth: vi.fn(async () => []),
    refresh: vi.fn(),
  };
  return core satisfies CoreHandle;
}

// Opened at login (no popover at launch) and signed (notifications on), unless a test says otherwise.
async function started(fake: FakeElectron = createFakeElectron({ appPath: '/Applications/imsg Companion.app/Contents/Resources/app.asar', openedAtLogin: true }), signed = true) {
  const core = stubCore();
  const log = vi.fn();
  const shell = (await boot(fake as unknown as ElectronApi, { createCore: () => core, platform: 'darwin', log, signed, stateDir: '/nonexistent/state' })) as Shell;
  const win = FakeBrowserWindow.all[0] as FakeBrowserWindow;
  const tray = FakeTray.all[0] as FakeTray;
  await new Promise((resolve) => setImmediate(resolve)); // ready-to-show
  return { fake, core, shell, win, tray, log };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));
const trusted = (win: FakeBrowserWindow) => ({ sender: { id: win.webContents.id }, senderFrame: { url: 'app://ui/index.html', parent: null } });

describe('boot', () => {
  it('takes the single-instance lock before anything else and quits when another instance has it', () => {
    const fake = createFakeElectron({ lock: false });
    expect(boot(fake as unknown as ElectronApi, { createCore: stubCore, stateDir: '/nonexistent/state' })).toBeUndefined();
    // userData is set first: the lock lives in it.
    expect(fake.app.calls).toEqual(['setPath:userData', 'requestSingleInstanceLock', 'quit']);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it('flips the before-ready switches in order: lock, sandbox, privileged scheme, then ready', async () => {
    const { fake } = await started();
    expect(fake.app.calls.slice(0, 5)).toEqual(['setPath:userData', 'requestSingleInstanceLock', 'enableSandbox', 'registerSchemesAsPrivileged', 'whenReady']);
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.app.listenerCount('window-all-closed')).toBe(1);
  });

  it('after ready: menu-bar only, no permissions, app:// handler, a hardened popover loading app://ui', async () => {
    const { fake, win, core, tray } = await started();
    expect(fake.app.activationPolicy).toBe('accessory');
    expect(fake.session.defaultSession.checkHandler?.()).toBe(false);
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.Menu.applied).toBeDefined();
    expect(win.loaded).toEqual(['app://ui/index.html']);
    expect(win.options).toMatchObject({ show: false, frame: false, skipTaskbar: true });
    expect(win.options.webPreferences).toMatchObject({
      preload: '/Applications/imsg Companion.app/Contents/Resources/app.asar/dist/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: true,
    });
    expect(win.workspaces).toEqual([true, { visibleOnFullScreen: true, skipTransformProcessType: true }]);
    expect(core.start).toHaveBeenCalledTimes(1);
    expect(tray.guid).toMatch(/^[0-9a-f-]{36}$/);
    expect(tray.image).toMatchObject({ path: '/Applications/imsg Companion.app/Contents/Resources/app.asar/assets/tray-normalTemplate.png' });
  });

  it('a second launch opens the popover of the running instance', async () => {
    const { fake, win } = await started();
    expect(win.visible).toBe(false);
    fake.app.emit('second-instance', {}, ['/Applications/imsg Companion.app/Contents/MacOS/imsg Companion'], '/');
    expect(win.visible).toBe(true);
    expect(win.position).toEqual([1052, 25]);
  });

  it('a second launch during start-up opens the popover once it is ready', async () => {
    const fake = createFakeElectron({ openedAtLogin: true });
    const pending = boot(fake as unknown as ElectronApi, { createCore: stubCore, platform: 'darwin', log: vi.fn(), stateDir: '/nonexistent/state' });
    fake.app.emit('second-instance', {}, [], '/');
    await pending;
    await settle();
    expect(FakeBrowserWindow.all[0]?.visible).toBe(true);
  });

  it('answers IPC from its window only', async () => {
    const { fake, win, core } = await started();
    const status = fake.ipcMain.handlers.get('imsg:verb:status:get');
    expect(await status?.(trusted(win), {})).toMatchObject({ ok: true });
    const stranger = new FakeWebContents();
    expect(await status?.({ sender: { id: stranger.id }, senderFrame: { url: 'app://ui/index.html', parent: null } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.handlers['status:get']).toHaveBeenCalledTimes(1);
  });

  it('pushes core events to the window, updates the badge, and stops when the window is gone', async () => {
    const { win, core, tray } = await started();
    const snap = snapshot({ pairing: { pending: [pairingRequest()], approved: [] } });
    core.events.emit('snapshot', snap);
    expect(win.webContents.sent).toContainEqual(['imsg:event:snapshot', snap]);
    expect(tray.title).toBe('1');
    win.webContents.destroy();
    core.events.emit('activity', { id: 'a1', at: '2026-01-01T00:00:00.000Z', accountId: 'default', kind: 'system' });
    expect(win.webContents.sent.map(([channel]) => channel)).not.toContain('imsg:event:activity');
  });

  it('a pairing notification approves with that code, and a click opens the Pairing section', async () => {
    const { win, core } = await started();
    core.events.emit('pairing:new', pairingRequest('Q2W3E4', 'work'));
    const note = FakeNotification.all[0] as FakeNotification;
    expect(note.shown).toBe(true);
    note.emit('action', { actionIndex: 0 });
    await settle();
    expect(core.handlers['pairing:approve']).toHaveBeenCalledWith({ code: 'Q2W3E4', accountId: 'work' });
    note.emit('click');
    expect(win.visible).toBe(true);
    expect(win.webContents.sent).toContainEqual(['imsg:event:ui:navigate', { section: 'pairing' }]);
  });

  it('tray: left click toggles under the icon, right click menu pauses all accounts', async () => {
    const { win, tray, core } = await started();
    tray.emit('click', {}, { x: 1200, y: 0, width: 24, height: 24 });
    expect(win.visible).toBe(true);
    expect(win.position).toEqual([1022, 25]);
    expect(core.handlers['permissions:check']).toHaveBeenCalledWith({});
    tray.emit('click', {}, { x: 1200, y: 0, width: 24, height: 24 });
    expect(win.visible).toBe(false);
    tray.emit('right-click', {}, { x: 1200, y: 0, width: 24, height: 24 });
    const menu = tray.menus[0] as { template: Array<{ id?: string; click?: () => void }> };
    menu.template.find((i) => i.id === 'pause')?.click?.();
    await settle();
    expect(core.handlers['app:pause']).toHaveBeenCalledWith({ paused: true });
  });

  it('closing the window hides it; quitting stops the core first', async () => {
    const { fake, win, core } = await started();
    const close = { preventDefault: vi.fn() };
    win.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    const quit = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    expect(core.stop).toHaveBeenCalledTimes(1);
    await settle();
    expect(fake.app.quitCount).toBe(1);
    const again = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    const closing = { preventDefault: vi.fn() };
    win.emit('close', closing);
    expect(closing.preventDefault).not.toHaveBeenCalled();
  });
});
