// The Electron implementation of PlatformPort: System Settings through the openExternal
// allowlist, Finder through shell, start-at-login through app.setLoginItemSettings.
import { promises as fs } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { LoginItemView, PlatformView, SettingsPane } from '../contract/permissions.js';
import { bundleOf, detectLauncher, type Launcher, type LauncherEnv, osName } from '../core/platform/launcher.js';
import type { PlatformPort } from '../core/platform/platform-port.js';
import { openSettingsPane, settingsLinks } from '../core/platform/settings-links.js';
import { openAllowedExternal, type ShellLike } from './external-links.js';
import { type LoginItemSettingsLike, loginItemView } from './login-item.js';

/** The parts of Electron's `app` the port uses. */
export interface PlatformApp {
  readonly isPackaged: boolean;
  getLoginItemSettings(): LoginItemSettingsLike;
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

/** The parts of Electron's `shell` the port uses. */
export interface PlatformShell extends ShellLike {
  showItemInFolder(path: string): void;
  /** Resolves to an error message, or '' on success. */
  openPath(path: string): Promise<string>;
}

/** Inputs of {@link createElectronPlatform}. */
export interface ElectronPlatformOptions {
  readonly app: PlatformApp;
  readonly shell: PlatformShell;
  readonly platform?: NodeJS.Platform;
  readonly execPath?: string;
  readonly env?: LauncherEnv;
  readonly pathExists?: (path: string) => Promise<boolean>;
}

/** Where Messages lives on macOS 10.15+ (read-only system volume). */
export const MESSAGES_APP = '/System/Applications/Messages.app';

const exists = (path: string): Promise<boolean> => fs.stat(path).then(() => true, () => false);

/** Build the port for the menu-bar app. */
export function createElectronPlatform(opts: ElectronPlatformOptions): PlatformPort {
  const platform = opts.platform ?? process.platform;
  const macos = platform === 'darwin';
  const pathExists = opts.pathExists ?? exists;
  // Only a dev run (`electron .` from a terminal) has a launcher that macOS asks instead of us (§3.1).
  const launcher: Launcher | undefined = opts.app.isPackaged ? undefined : detectLauncher(opts.env ?? process.env);
  const notMac = `This computer runs ${osName(platform)}, not macOS`;
  return {
    describe: (): PlatformView => ({
      os: osName(platform),
      macos,
      mode: opts.app.isPackaged ? 'app' : 'dev',
      launchContext: opts.app.isPackaged ? 'menu-bar app' : `development run (electron .)${launcher ? `, started from ${launcher.name}` : ''}`,
      canOpenSettings: macos,
      canReveal: true,
      loginItems: loginItemView({ openAtLogin: false }, platform).supported,
    }),
    launcher: () => launcher,
    appPath: () => bundleOf(opts.execPath ?? process.execPath),
    openSettings: async (pane: SettingsPane) => {
      const links = settingsLinks(pane);
      if (!links) return { opened: false, url: '', reason: `Unknown System Settings pane: ${String(pane).slice(0, 40)}.` };
      if (!macos) return { opened: false, url: links[0] ?? '', reason: `${notMac}: there is no System Settings to open.` };
      return openSettingsPane(pane, (url) => openAllowedExternal(opts.shell, url));
    },
    reveal: async (path: string) => {
      if (typeof path !== 'string' || !isAbsolute(path) || /[\u0000-\u001f]/.test(path)) return { opened: false, reason: `Can't show "${String(path).slice(0, 200)}": not an absolute path.` };
      if (!(await pathExists(path))) return { opened: false, reason: `Nothing to show: ${path} doesn't exist.` };
      opts.shell.showItemInFolder(path);
      return { opened: true };
    },
    openMessages: async () => {
      if (!macos) return { opened: false, reason: `${notMac}: there is no Messages app to open.` };
      const error = await opts.shell.openPath(MESSAGES_APP);
      return error === '' ? { opened: true } : { opened: false, reason: error };
    },
    loginItem: async (enabled?: boolean): Promise<LoginItemView> => {
      const before = loginItemView(opts.app.getLoginItemSettings(), platform);
      if (enabled !== undefined && before.supported) opts.app.setLoginItemSettings({ openAtLogin: enabled });
      return enabled === undefined ? before : loginItemView(opts.app.getLoginItemSettings(), platform);
    },
  };
}
