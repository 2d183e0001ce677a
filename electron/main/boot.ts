// App start, in the order macos-electron §2.1/§2.2 require: our own userData (the single-instance
// lock is tied to it), the single-instance lock, then the before-ready switches (sandbox for every
// renderer, the privileged app:// scheme, the global webContents guards), then the shell once
// ready. With an ESM main only code before the first `await` is guaranteed to run before `ready`
// (electron:docs/tutorial/esm.md), so all of it is sync.
import { join } from 'node:path';
import { APP_LOG_NAME } from '../core/logs/file-log.js';
import type { PlatformPort } from '../core/platform/platform-port.js';
import { bundleOf } from '../core/platform/launcher.js';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.js';
import { openAppLog } from './app-log.js';
import { askedOnceFile } from './asked-once.js';
import { isTeamSigned } from './code-signature.js';
import { consoleLog, type CoreHandle, type ElectronApi, type Log } from './electron-api.js';
import { openedAtLogin } from './launch-context.js';
import { type Shell, startShell } from './shell.js';
import { appStateDir } from './state-dir.js';
import { offerMoveToApplications } from './translocation.js';
import { migrateChromiumFiles, useOwnUserData } from './user-data.js';
import { installWebGuards } from './web-guards.js';

/** Inputs of {@link boot}. */
export interface BootOptions {
  /** Build the core once Electron is ready (gets the Electron PlatformPort). */
  readonly createCore: (platform: PlatformPort) => CoreHandle;
  /** The app's root (contains dist/ and assets/); default `app.getAppPath()`. */
  readonly appRoot?: string;
  readonly platform?: NodeJS.Platform;
  /** Where to log; default the rotating file in `app.getPath('logs')` plus the console. */
  readonly log?: Log;
  /** The state dir (default as the core resolves it); only used to keep Chromium's files out of it. */
  readonly stateDir?: string;
  /** Whether the app carries a Developer ID signature (default: asks `codesign`). */
  readonly signed?: boolean;
}

/** Start the menu-bar app; undefined (and quitting) when another instance already runs or the app moves itself. */
export function boot(e: ElectronApi, opts: BootOptions): Promise<Shell | undefined> | undefined {
  const platformName = opts.platform ?? process.platform;
  let log = opts.log ?? consoleLog;
  const stateDir = opts.stateDir ?? appStateDir();
  const userData = useOwnUserData(e.app, stateDir);
  // The lock is tied to userData, so nothing that could change it runs first (Signal's main).
  if (!e.app.requestSingleInstanceLock()) {
    e.app.quit();
    return undefined;
  }
  let migrated: string[] = [];
  try {
    migrated = migrateChromiumFiles(stateDir, userData);
  } catch (err) {
    log('warn', `could not move an earlier build's Chromium files out of ${stateDir}: ${String(err)}`);
  }
  e.app.enableSandbox();
  e.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
  installWebGuards(e.app, e.shell, (what, url) => log('warn', `refused ${what}${url ? ` to ${url.slice(0, 120)}` : ''}`));
  // A tray app lives on with no window open (docs/tutorial/tray.md).
  e.app.on('window-all-closed', () => undefined);
  // Shown on every launch by the user (Finder, Spotlight, `open`), so a new user sees the app even
  // when its icon hides behind the notch; not when macOS starts it at login.
  const atLogin = openedAtLogin(e.app, platformName);
  let shell: Shell | undefined;
  let showOnReady = !atLogin;
  // A second launch while running: `second-instance` (a new process started) or, from Finder,
  // Spotlight or Launchpad, `activate` (macOS reopens the running app). Both open the popover.
  e.app.on('second-instance', () => {
    if (shell) shell.popover.show();
    else showOnReady = true;
  });
  e.app.on('activate', () => {
    // Before ready this is the launch itself, decided by `atLogin` above.
    if (shell) shell.popover.show();
  });
  return e.app.whenReady().then(async () => {
    const logsDir = e.app.getPath('logs');
    const logFile = join(logsDir, APP_LOG_NAME);
    if (!opts.log) log = openAppLog(logsDir).log;
    log('info', `imsg Companion ${e.app.getVersion()} starting (pid ${process.pid}${atLogin ? ', opened at login' : ''})`);
    if (migrated.length > 0) log('info', `moved an earlier build's Chromium files (${migrated.join(', ')}) from ${stateDir} to ${userData}`);
    const moved = await offerMoveToApplications({ app: e.app, dialog: e.dialog, memory: askedOnceFile(userData), platform: platformName, log });
    if (moved === 'moved') return undefined;
    const signed = opts.signed ?? (await isTeamSigned(bundleOf(process.execPath), { packaged: e.app.isPackaged, platform: platformName }));
    shell = startShell(e, { ...opts, log, logFile, signed });
    if (showOnReady) shell.popover.show();
    return shell;
  });
}
