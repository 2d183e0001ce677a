// The Electron implementation of PlatformPort: System Settings through the openExternal
// allowlist, Finder through shell, start-at-login through app.setLoginItemSettings.
import { promises as fs } from 'node:fs';
import type { LoginItemView, PlatformView, SettingsPane } from '../contract/permissions.js';
import { bundleOf, detectLauncher, type Launcher, type LauncherEnv, osName } from '../core/platform/launcher.js';
import type { PlatformPort } from '../core/platform/platform-port.js';
import { notMacReason, revealProblem } from '../core/platform/guards.js';
import { openSettingsOn } from '../core/platform/settings-links.js';
import { openAllowedExternal, type ShellLike } from './external-links.js';
import { type LoginItemSettingsLike, loginItemView } from './login-item.js';

/** The parts of Electron's `app` the port uses. */
export interface PlatformApp {
  readonly isPackaged: boolean;
  getLoginItemSettings(): LoginItemSettingsLike;
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  relaunch(): void;
  quit(): void;
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
  /** The app's log file (shown and revealed by the UI). */
  readonly logPath?: string;
  /** Whether notifications work, read at every snapshot. */
  readonly notifications?: () => NonNullable<PlatformView['notifications']>;
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
  return {
    describe: (): PlatformView => ({
      os: osName(platform),
      macos,
      mode: opts.app.isPackaged ? 'app' : 'dev',
      launchContext: opts.app.isPackaged ? 'menu-bar app' : `development run (electron .)${launcher ? `, started from ${launcher.name}` : ''}`,
      canOpenSettings: macos,
      canReveal: true,
      loginItems: loginItemView({ openAtLogin: false }, platform).supported,
      canPickFiles: true,
      ...(opts.logPath ? { logPath: opts.logPath } : {}),
      ...(opts.notifications ? { notifications: opts.notifications() } : {}),
    }),
    launcher: () => launcher,
    appPath: () => bundleOf(opts.execPath ?? process.execPath),
    openSettings: (pane: SettingsPane) => openSettingsOn(platform, pane, (url) => openAllowedExternal(opts.shell, url)),
    reveal: async (path: string) => {
      const problem = await revealProblem(path, pathExists);
      if (problem) return { opened: false, reason: problem };
      opts.shell.showItemInFolder(path);
      return { opened: true };
    },
    openMessages: async () => {
      if (!macos) return { opened: false, reason: notMacReason(platform, 'there is no Messages app to open') };
      const error = await opts.shell.openPath(MESSAGES_APP);
      return error === '' ? { opened: true } : { opened: false, reason: error };
    },
    relaunch: () => {
      // relaunch() only marks the restart; quit() runs the quit guard (core stopped, replies
      // finished) first. Deferred so the verb's answer reaches the window before it closes.
      opts.app.relaunch();
      setTimeout(() => opts.app.quit(), 0);
      return { relaunching: true };
    },
    loginItem: async (enabled?: boolean): Promise<LoginItemView> => {
      const before = loginItemView(opts.app.getLoginItemSettings(), platform);
      if (enabled !== undefined && before.supported) opts.app.setLoginItemSettings({ openAtLogin: enabled });
      return enabled === undefined ? before : loginItemView(opts.app.getLoginItemSettings(), platform);
    },
  };
}
