// PlatformPort for the headless `serve`: `/usr/bin/open` on macOS (allowlisted URLs, argv arrays),
// "not on macOS" answers elsewhere. Electron's main process provides its own port.
import { promises as fs } from 'node:fs';
import type { LoginItemView, PlatformView, SettingsPane } from '../../contract/permissions.js';
import { bundleOf, detectLauncher, headlessLaunchContext, type Launcher, type LauncherEnv, osName } from './launcher.js';
import type { PlatformPort } from './platform-port.js';
import { OPEN_BIN, runFailure, type RunHelper, runHelper } from './run-open.js';
import { openSettingsOn } from './settings-links.js';
import { notMacReason, revealProblem } from './guards.js';

/** Inputs of {@link createNodePlatform} (all default to this process). */
export interface NodePlatformOptions {
  platform?: NodeJS.Platform;
  env?: LauncherEnv;
  execPath?: string;
  /** Parent process name, if the caller knows it (best effort, for the launch context). */
  parentName?: string;
  /** Seam: runs `/usr/bin/open …` (tests record the argv arrays). */
  runOpen?: RunHelper;
  /** Seam: does `path` exist? */
  pathExists?: (path: string) => Promise<boolean>;
  /** `serve`'s log file (`<state dir>/logs/serve.log`), shown and revealed by the UI. */
  logPath?: string;
}

/** A PlatformPort that also tells who launched the process (the permission grantee in headless runs). */
export interface NodePlatform extends PlatformPort {
  /** The terminal, SSH session or parent that started `serve`. */
  launcher(): Launcher | undefined;
}

const UNSUPPORTED_LOGIN_ITEM: LoginItemView = { supported: false, enabled: false, status: 'unsupported' };

const exists = async (path: string): Promise<boolean> => {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
};

/** Build the headless platform port. */
export function createNodePlatform(opts: NodePlatformOptions = {}): NodePlatform {
  const platform = opts.platform ?? process.platform;
  const macos = platform === 'darwin';
  const launcher = detectLauncher(opts.env ?? process.env, opts.parentName);
  const run = opts.runOpen ?? runHelper;
  const pathExists = opts.pathExists ?? exists;
  const open = async (args: readonly string[]): Promise<{ opened: boolean; reason?: string }> => {
    const result = await run(OPEN_BIN, args);
    return result.exitCode === 0 ? { opened: true } : { opened: false, reason: runFailure('open', result) };
  };
  return {
    describe: (): PlatformView => ({
      os: osName(platform),
      macos,
      mode: 'headless',
      launchContext: headlessLaunchContext(platform, launcher),
      canOpenSettings: macos,
      canReveal: macos,
      loginItems: false,
      ...(opts.logPath ? { logPath: opts.logPath } : {}),
    }),
    launcher: () => launcher,
    appPath: () => bundleOf(opts.execPath ?? process.execPath),
    openSettings: (pane: SettingsPane) => openSettingsOn(platform, pane, (url) => open([url])),
    reveal: async (path: string) => {
      if (!macos) return { opened: false, reason: notMacReason(platform, 'there is no Finder to show it in') };
      const problem = await revealProblem(path, pathExists);
      return problem ? { opened: false, reason: problem } : open(['-R', path]);
    },
    openMessages: async () => (macos ? open(['-a', 'Messages']) : { opened: false, reason: notMacReason(platform, 'there is no Messages app to open') }),
    loginItem: async () => UNSUPPORTED_LOGIN_ITEM,
  };
}
