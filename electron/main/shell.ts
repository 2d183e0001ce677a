// Everything after `ready`: the renderer's protocol, the popover, the tray, IPC, notifications,
// the core, and an orderly quit. Glue only; each piece is its own tested module.
import { join } from 'node:path';
import type { Menu } from 'electron';
import type { Snapshot } from '../contract/views.js';
import type { PlatformPort } from '../core/platform/platform-port.js';
import { dispatchVerb } from '../contract/dispatch.js';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.js';
import { createAppProtocolHandler } from './app-protocol.js';
import type { CoreHandle, ElectronApi, Log } from './electron-api.js';
import { createElectronPlatform } from './electron-platform.js';
import { EventRelay } from './event-relay.js';
import { registerVerbs } from './ipc-bridge.js';
import { loginItemView } from './login-item.js';
import { Notifier, type UiSection } from './notifier.js';
import { Popover } from './popover.js';
import { placeUnderTray } from './popover-position.js';
import { POPOVER_SIZE, popoverWindowOptions } from './popover-window.js';
import { installQuitGuard } from './quit-guard.js';
import { TrayController } from './tray-controller.js';
import { applicationMenuTemplate, trayMenuTemplate } from './tray-menu.js';
import { trayIconFile, trayLook } from './tray-state.js';
import { TrustedSenders } from './trusted-senders.js';
import { denyAllPermissions } from './web-guards.js';

/** Keeps the icon's place in the menu bar across relaunches (§2.2). */
export const TRAY_GUID = '6f1c2e0a-8b4d-4c57-9a3e-2d7b5e91c4f8';

/** The running shell (tests drive it through these). */
export interface Shell {
  readonly popover: Popover;
  readonly tray: TrayController<unknown>;
  readonly relay: EventRelay;
  readonly notifier: Notifier;
  readonly core: CoreHandle;
  readonly platform: PlatformPort;
  /** Show the popover on a section (notification clicks). */
  open(section: UiSection): void;
}

/** Inputs of {@link startShell}. */
export interface ShellOptions {
  readonly createCore: (platform: PlatformPort) => CoreHandle;
  readonly appRoot?: string;
  readonly platform?: NodeJS.Platform;
  readonly log: Log;
}

/** Build the shell (call once, after `app.whenReady()`). */
export function startShell(e: ElectronApi, opts: ShellOptions): Shell {
  const platformName = opts.platform ?? process.platform;
  const { log } = opts;
  // LSUIElement covers the packaged app; this covers `electron .` (§2.2; dock.hide() is brittle).
  if (platformName === 'darwin') e.app.setActivationPolicy('accessory');
  denyAllPermissions(e.session.defaultSession);
  const root = opts.appRoot ?? e.app.getAppPath();
  e.protocol.handle(APP_SCHEME, createAppProtocolHandler(join(root, 'dist', 'renderer')));
  e.Menu.setApplicationMenu(e.Menu.buildFromTemplate(applicationMenuTemplate()));

  const platform = createElectronPlatform({ app: e.app, shell: e.shell, platform: platformName });
  const core = opts.createCore(platform);
  const trusted = new TrustedSenders();
  registerVerbs({ ipcMain: e.ipcMain, handlers: core.handlers, trusted, warn: (m) => log('warn', m) });

  const win = new e.BrowserWindow(popoverWindowOptions(join(root, 'dist', 'preload', 'preload.cjs'), !e.app.isPackaged));
  trusted.add(win.webContents);
  // skipTransformProcessType keeps the Dock icon from coming back (electron#37832).
  win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
  const relay = new EventRelay(trusted);
  relay.attach(win.webContents);

  let snapshot: Snapshot | undefined;
  const call = <V extends 'app:pause' | 'permissions:check'>(verb: V, input: unknown) => dispatchVerb(core.handlers, verb, input);
  const icon = (state: Parameters<typeof trayIconFile>[0]) => e.nativeImage.createFromPath(join(root, 'assets', trayIconFile(state, platformName, e.nativeTheme.shouldUseDarkColors)));
  const tray = new TrayController<Menu>({
    createTray: (image) => new e.Tray(image, TRAY_GUID),
    icon,
    toggle: () => popover.toggle(),
    menu: () =>
      e.Menu.buildFromTemplate(
        trayMenuTemplate(
          { paused: snapshot?.paused ?? false, loginItem: loginItemView(e.app.getLoginItemSettings(), platformName) },
          {
            open: () => popover.show(),
            setPaused: (paused) => void call('app:pause', { paused }),
            setOpenAtLogin: (enabled) => void platform.loginItem(enabled),
            openLoginItemsSettings: () => void platform.openSettings('login-items'),
            openConfig: () => void openConfig(),
            quit: () => e.app.quit(),
          },
        ),
      ),
  });
  const popover = new Popover({
    window: win,
    position: () => placeUnderTray(e.screen, tray.bounds(), POPOVER_SIZE),
    // §3.6: permissions are re-checked whenever the popover opens (never prompts).
    onShow: () => void call('permissions:check', {}),
  });
  const open = (section: UiSection): void => {
    relay.send('ui:navigate', { section });
    popover.show();
  };
  const notifier = new Notifier({
    create: (options) => new e.Notification(options),
    decide: (verb, input) => dispatchVerb(core.handlers, verb, input),
    open,
  });
  const openConfig = async (): Promise<void> => {
    const error = await e.shell.openPath(core.configPath);
    if (error === '') return;
    const shown = await platform.reveal(core.configPath);
    if (!shown.opened) await platform.reveal(core.stateDir);
  };

  core.events.on('snapshot', (next) => {
    snapshot = next;
    tray.render(trayLook(next));
    if (e.Notification.isSupported()) notifier.snapshot(next);
  });
  core.events.on('pairing:new', (request) => {
    if (e.Notification.isSupported()) notifier.pairingRequest(request);
  });
  relay.forward(core.events);
  e.nativeTheme.on('updated', () => tray.refresh());

  installQuitGuard({ app: e.app, window: win, hide: () => popover.hide(), stop: () => core.stop(), onStopError: (err) => log('error', `stopping the core failed: ${String(err)}`) });

  void win.loadURL(APP_ENTRY_URL).catch((err: unknown) => log('error', `the popover page did not load: ${String(err)}`));
  void core.start().catch((err: unknown) => log('error', `the core did not start: ${String(err)}`));
  return { popover, tray, relay, notifier, core, platform, open };
}
