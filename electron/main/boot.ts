// App start, in the order macos-electron §2.1/§2.2 require: single-instance lock first, then the
// before-ready switches (sandbox for every renderer, the privileged app:// scheme, the global
// webContents guards), then the shell once ready. With an ESM main only code before the first
// `await` is guaranteed to run before `ready` (electron:docs/tutorial/esm.md), so all of it is sync.
import type { PlatformPort } from '../core/platform/platform-port.js';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.js';
import { consoleLog, type CoreHandle, type ElectronApi, type Log } from './electron-api.js';
import { type Shell, startShell } from './shell.js';
import { installWebGuards } from './web-guards.js';

/** Inputs of {@link boot}. */
export interface BootOptions {
  /** Build the core once Electron is ready (gets the Electron PlatformPort). */
  readonly createCore: (platform: PlatformPort) => CoreHandle;
  /** The app's root (contains dist/ and assets/); default `app.getAppPath()`. */
  readonly appRoot?: string;
  readonly platform?: NodeJS.Platform;
  readonly log?: Log;
}

/** Start the menu-bar app; undefined (and quitting) when another instance already runs. */
export function boot(e: ElectronApi, opts: BootOptions): Promise<Shell> | undefined {
  const log = opts.log ?? consoleLog;
  // The lock is tied to userData, so nothing that could change it runs first (Signal's main).
  if (!e.app.requestSingleInstanceLock()) {
    e.app.quit();
    return undefined;
  }
  e.app.enableSandbox();
  e.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
  installWebGuards(e.app, e.shell, (what, url) => log('warn', `refused ${what}${url ? ` to ${url.slice(0, 120)}` : ''}`));
  // A tray app lives on with no window open (docs/tutorial/tray.md).
  e.app.on('window-all-closed', () => undefined);
  let shell: Shell | undefined;
  let showOnReady = false;
  // A second launch (Finder, `open -a`, login) opens the popover of this one instead.
  e.app.on('second-instance', () => {
    if (shell) shell.popover.show();
    else showOnReady = true;
  });
  return e.app.whenReady().then(() => {
    shell = startShell(e, { ...opts, log });
    if (showOnReady) shell.popover.show();
    return shell;
  });
}
