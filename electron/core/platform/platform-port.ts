// What the app may ask of the operating system. Electron's main process and headless `serve`
// each provide one; the core never touches Electron or the DOM.
import type { LoginItemView, PlatformView, SettingsPane } from '../../contract/permissions.js';
import type { Launcher } from './launcher.js';

/** OS services behind a seam (tests fake it; Linux answers "not applicable"). */
export interface PlatformPort {
  /** Where and how the app runs. */
  describe(): PlatformView;
  /** Open an allowlisted System Settings pane (deep links of macos-electron §3.5). */
  openSettings(pane: SettingsPane): Promise<{ opened: boolean; url: string; reason?: string }>;
  /** Show a file in Finder. */
  reveal(path: string): Promise<{ opened: boolean; reason?: string }>;
  /** Open Messages.app (Automation can only be checked while it runs). */
  openMessages(): Promise<{ opened: boolean; reason?: string }>;
  /** Read (and with `enabled`, change) start-at-login. */
  loginItem(enabled?: boolean): Promise<LoginItemView>;
  /** The app bundle (or the executable in dev/headless) that macOS grants permissions to. */
  appPath(): string;
  /** Optional: quit gracefully and start again (only the menu-bar app can). */
  relaunch?(): { relaunching: boolean; reason?: string };
  /** Optional: who started the process (Terminal, iTerm, sshd…); the permission grantee in dev/headless runs. */
  launcher?(): Launcher | undefined;
}
