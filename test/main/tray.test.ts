// @vitest-environment node
// The tray: left click toggles, right click pops up the menu, the badge follows the snapshot.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import { TrayController } from '../../electron/main/tray-controller.js';
import { applicationMenuTemplate, type TrayMenuActions, trayMenuTemplate } from '../../electron/main/tray-menu.js';
import { trayIconFile, trayLook } from '../../electron/main/tray-state.js';
import { FakeTray } from './fake-electron.js';
import { account, pairingRequest, permission, snapshot } from './helpers.js';

const image = (state: string) => ({ state, isEmpty: () => false }) as unknown as NativeImage;

function controller() {
  const toggle = vi.fn();
  let tray: FakeTray | undefined;
  const menu = { template: 'menu' };
  const ctl = new TrayController<typeof menu>({ createTray: (img) => (tray = new FakeTray(img)), icon: image, toggle, menu: () => menu });
  if (!tray) throw new Error('no tray');
  return { ctl, tray, toggle, menu };
}

describe('TrayController', () => {
  it('left click toggles the popover and caches the icon bounds; right click pops up the menu', () => {
    const { ctl, tray, toggle, menu } = controller();
    expect(tray.ignoreDoubleClick).toBe(true);
    tray.emit('click', {}, { x: 1200, y: 0, width: 24, height: 24 });
    expect(toggle).toHaveBeenCalledTimes(1);
    expect(ctl.bounds()).toEqual({ x: 1200, y: 0, width: 24, height: 24 });
    tray.emit('right-click', {}, { x: 1200, y: 0, width: 24, height: 24 });
    expect(tray.menus).toEqual([menu]);
    expect(toggle).toHaveBeenCalledTimes(1);
  });

  it('falls back to the Tray bounds before any click, ignoring zero bounds', () => {
    const { ctl, tray } = controller();
    expect(ctl.bounds()).toEqual({ x: 0, y: 0, width: 0, height: 0 });
    tray.bounds = { x: 900, y: 0, width: 22, height: 24 };
    expect(ctl.bounds()).toEqual(tray.bounds);
    tray.emit('click', {}, { x: 0, y: 0, width: 0, height: 0 });
    expect(ctl.bounds()).toEqual({ x: 900, y: 0, width: 22, height: 24 });
  });

  it('renders the look from the snapshot and re-applies it on a theme change', () => {
    const { ctl, tray } = controller();
    ctl.render(trayLook(snapshot({ pairing: { pending: [pairingRequest()], approved: [] } })));
    expect(tray.title).toBe('1');
    expect(tray.image).toMatchObject({ state: 'attention' });
    tray.image = undefined;
    ctl.refresh();
    expect(tray.image).toMatchObject({ state: 'attention' });
  });
});

describe('trayLook', () => {
  it('says in the tooltip when notifications do not show, without a badge', () => {
    const base = snapshot();
    const look = trayLook(snapshot({ platform: { ...base.platform, notifications: { ok: false, problem: 'unsigned' } } }));
    expect(look).toEqual({ icon: 'normal', title: '', tooltip: 'imsg Companion: Answering messages · notifications do not show (see Settings)' });
  });

  it('is quiet when all is well, and shows the pending count and "!" on problems', () => {
    expect(trayLook(snapshot())).toEqual({ icon: 'normal', title: '', tooltip: 'imsg Companion: Answering messages' });
    const two = snapshot({ pairing: { pending: [pairingRequest('AAAA'), pairingRequest('BBBB')], approved: [] } });
    expect(trayLook(two)).toMatchObject({ icon: 'attention', title: '2', tooltip: 'imsg Companion: Answering messages · 2 pairing requests waiting' });
    expect(trayLook(snapshot({ accounts: [account('work', 'fatal')] }))).toMatchObject({ icon: 'attention', title: '!' });
    expect(trayLook({ ...two, permissions: [permission('full-disk-access', 'denied')] }).title).toBe('2 !');
    expect(trayLook(snapshot({ accounts: [account('work', 'backoff')] })).title).toBe('!');
  });

  it('does not count a disabled failing account, and shows paused', () => {
    const off = { ...account('old', 'fatal'), enabled: false };
    expect(trayLook(snapshot({ accounts: [off] })).title).toBe('');
    expect(trayLook(snapshot({ paused: true })).icon).toBe('paused');
    expect(trayLook(undefined).tooltip).toMatch(/starting/);
  });

  it('uses Template images on macOS and light/dark PNGs elsewhere', () => {
    expect(trayIconFile('attention', 'darwin', true)).toBe('tray-attentionTemplate.png');
    expect(trayIconFile('normal', 'linux', true)).toBe('tray-normal-dark.png');
    expect(trayIconFile('paused', 'win32', false)).toBe('tray-paused-light.png');
  });
});

describe('trayMenuTemplate', () => {
  const actions = (): TrayMenuActions & Record<string, ReturnType<typeof vi.fn>> => ({ open: vi.fn(), setPaused: vi.fn(), setOpenAtLogin: vi.fn(), openLoginItemsSettings: vi.fn(), openConfig: vi.fn(), quit: vi.fn() });
  const item = (items: MenuItemConstructorOptions[], id: string) => {
    const found = items.find((i) => i.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();

  it('has Open, Pause all accounts, Start at login, Open config and Quit wired to their actions', () => {
    const a = actions();
    const items = trayMenuTemplate({ paused: false, loginItem: { supported: true, enabled: false, status: 'not-registered' } }, a);
    expect(items.filter((i) => i.id).map((i) => i.id)).toEqual(['open', 'pause', 'login', 'config', 'quit']);
    for (const id of ['open', 'pause', 'login', 'config', 'quit']) click(item(items, id));
    expect(a.open).toHaveBeenCalled();
    expect(a.setPaused).toHaveBeenCalledWith(true);
    expect(a.setOpenAtLogin).toHaveBeenCalledWith(true);
    expect(a.openConfig).toHaveBeenCalled();
    expect(a.quit).toHaveBeenCalled();
  });

  it('reflects the current state: paused resumes, enabled login item unchecks', () => {
    const a = actions();
    const items = trayMenuTemplate({ paused: true, loginItem: { supported: true, enabled: true, status: 'enabled' } }, a);
    expect(item(items, 'pause').checked).toBe(true);
    click(item(items, 'pause'));
    click(item(items, 'login'));
    expect(a.setPaused).toHaveBeenCalledWith(false);
    expect(a.setOpenAtLogin).toHaveBeenCalledWith(false);
  });

  it('sends requires-approval to System Settings → Login Items, and disables the item when unsupported', () => {
    const a = actions();
    click(item(trayMenuTemplate({ paused: false, loginItem: { supported: true, enabled: false, status: 'requires-approval' } }, a), 'login'));
    expect(a.openLoginItemsSettings).toHaveBeenCalled();
    expect(a.setOpenAtLogin).not.toHaveBeenCalled();
    expect(item(trayMenuTemplate({ paused: false, loginItem: { supported: false, enabled: false, status: 'unsupported' } }, a), 'login').enabled).toBe(false);
  });

  it('the application menu carries the Edit roles keyboard shortcuts need', () => {
    const edit = applicationMenuTemplate().find((m) => m.label === 'Edit');
    const roles = (edit?.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });
});
