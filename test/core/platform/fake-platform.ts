// A PlatformPort double that records what it was asked to open.
import type { PlatformView, SettingsPane } from '../../../electron/contract/permissions.js';
import type { Launcher } from '../../../electron/core/platform/launcher.js';
import type { PlatformPort } from '../../../electron/core/platform/platform-port.js';

/** The fake plus its call log. */
export interface FakePlatform extends PlatformPort {
  readonly calls: Array<{ op: 'openSettings' | 'reveal' | 'openMessages' | 'loginItem'; arg?: unknown }>;
}

/** A fake for `os` ('macOS' or 'Linux') in `mode`, with an optional launcher. */
export function fakePlatform(opts: { macos?: boolean; mode?: PlatformView['mode']; appPath?: string; launcher?: Launcher } = {}): FakePlatform {
  const macos = opts.macos ?? true;
  const calls: FakePlatform['calls'] = [];
  return {
    calls,
    describe: () => ({ os: macos ? 'macOS' : 'Linux', macos, mode: opts.mode ?? 'app', launchContext: 'test', canOpenSettings: macos, canReveal: macos, loginItems: opts.mode === 'app' }),
    appPath: () => opts.appPath ?? '/Applications/imsg Companion.app',
    launcher: () => opts.launcher,
    openSettings: async (pane: SettingsPane) => {
      calls.push({ op: 'openSettings', arg: pane });
      return { opened: true, url: `fake:${pane}` };
    },
    reveal: async (path: string) => {
      calls.push({ op: 'reveal', arg: path });
      return { opened: true };
    },
    openMessages: async () => {
      calls.push({ op: 'openMessages' });
      return { opened: true };
    },
    loginItem: async (enabled?: boolean) => {
      calls.push({ op: 'loginItem', arg: enabled });
      return { supported: true, enabled: enabled ?? false, status: enabled ? 'enabled' : 'not-registered' };
    },
  };
}
