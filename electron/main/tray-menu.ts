// The right-click menu of the tray icon and the (invisible) application menu. Pure templates;
// the caller turns them into Menus. No setContextMenu: with one set, macOS opens the menu on
// left click too (electron#4796, #24196), so right click pops this up explicitly (§2.2).
import type { MenuItemConstructorOptions } from 'electron';
import type { LoginItemView } from '../contract/permissions.js';

/** What the menu items do. */
export interface TrayMenuActions {
  open(): void;
  setPaused(paused: boolean): void;
  setOpenAtLogin(enabled: boolean): void;
  /** Open System Settings → Login Items (the user must approve there). */
  openLoginItemsSettings(): void;
  openConfig(): void;
  quit(): void;
  /** Show the log file in Finder (the item appears when given). */
  revealLogs?(): void;
  /** Check for updates now (the item appears when given). */
  checkUpdates?(): void;
}

/** The state the menu reflects when it pops up. */
export interface TrayMenuState {
  readonly paused: boolean;
  readonly loginItem: LoginItemView;
  /** The update item: its label ("Check for Updates…", "Updates Off (Unsigned Build)") and whether it can be clicked. */
  readonly updates?: { readonly label: string; readonly enabled: boolean };
}

/** The context menu: Open, Pause all accounts, Start at login, Open config, Quit. */
export function trayMenuTemplate(state: TrayMenuState, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const login = state.loginItem;
  const loginItem: MenuItemConstructorOptions =
    login.status === 'requires-approval'
      ? { id: 'login', label: 'Start at Login: Approve in System Settings…', click: () => actions.openLoginItemsSettings() }
      : { id: 'login', label: 'Start at Login', type: 'checkbox', checked: login.enabled, enabled: login.supported, click: () => actions.setOpenAtLogin(!login.enabled) };
  return [
    { id: 'open', label: 'Open imsg Companion', click: () => actions.open() },
    { type: 'separator' },
    { id: 'pause', label: 'Pause All Accounts', type: 'checkbox', checked: state.paused, click: () => actions.setPaused(!state.paused) },
    loginItem,
    { id: 'config', label: 'Open Config File', click: () => actions.openConfig() },
    ...(actions.revealLogs ? [{ id: 'logs', label: 'Reveal Logs in Finder', click: () => actions.revealLogs?.() }] : []),
    ...(actions.checkUpdates ? [{ id: 'updates', label: state.updates?.label ?? 'Check for Updates…', enabled: state.updates?.enabled ?? true, click: () => actions.checkUpdates?.() }] : []),
    { type: 'separator' },
    { id: 'quit', label: 'Quit imsg Companion', accelerator: 'Command+Q', click: () => actions.quit() },
  ];
}

/** The application menu: a dock-less app still needs Edit roles for ⌘C/⌘V/⌘A in text fields (gitnews-menubar). */
export function applicationMenuTemplate(): MenuItemConstructorOptions[] {
  return [
    { label: 'imsg Companion', submenu: [{ role: 'hide' }, { role: 'quit' }] },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
  ];
}
