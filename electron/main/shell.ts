// Everything after `ready`: the renderer's protocol, the popover, the tray, IPC, notifications,
// power events, updates, the core, and an orderly quit. Glue only; each piece is its own tested module.
import { join } from 'node:path';
import type { Menu } from 'electron';
import type { Snapshot } from '../contract/views.js';
import type { PlatformPort } from '../core/platform/platform-port.js';
import { guardPrivileged } from '../core/transport/privileged-guard.js';
import { dispatchVerb } from '../contract/dispatch.js';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.js';
import { createAppProtocolHandler } from './app-protocol.js';
import type { CoreHandle, ElectronApi, Log } from './electron-api.js';
import { openConfigFile, startCore } from './core-start.js';
import { createElectronPlatform } from './electron-platform.js';
import { EventRelay } from './event-relay.js';
import { registerVerbs } from './ipc-bridge.js';
import { loginItemView } from './login-item.js';
import { NotificationStatus } from './notification-status.js';
import type { Notifier, UiSection } from './notifier.js';
import { Popover } from './popover.js';
import { placeUnderTray } from './popover-position.js';
import { POPOVER_SIZE, popoverWindowOptions } from './popover-window.js';
import { PowerController } from './power.js';
import { dialogDecision } from './privileged-dialog.js';
import { pickCliPathHandler } from './cli-path-picker.js';
import type { AppConfig } from '../core/config/schema.js';
import { installQuitGuard } from './quit-guard.js';
import { TrayController } from './tray-controller.js';
import { applicationMenuTemplate, trayMenuTemplate } from './tray-menu.js';
import { trayIconFile, trayLook } from './tray-state.js';
import { TrustedSenders } from './trusted-senders.js';
import type { UpdaterLike, Updates } from './updater.js';
import { startNotifications } from './app-notifications.js';
import { appUpdates, checkUpdatesWithDialog, updatesMenuItem } from './app-updates.js';
import { denyAllPermissions } from './web-guards.js';

/** Keeps the icon's place in the menu bar across relaunches (§2.2). */
export const TRAY_GUID = '6f1c2e0a-8b4d-4c57-9a3e-2d7b5e91c4f8';

/** The running shell (tests drive it through these). */
export interface Shell {
  readonly popover: Popover;
  readonly tray: TrayController<unknown>;
  readonly relay: EventRelay;
  readonly notifier: Notifier;
  readonly notifications: NotificationStatus;
  readonly power: PowerController;
  readonly updates: Updates;
  readonly core: CoreHandle;
  readonly platform: PlatformPort;
  /** Settles once the core started (or failed to, e.g. another instance owns the state dir). */
  readonly started: Promise<void>;
  /** Show the popover on a section (notification clicks). */
  open(section: UiSection): void;
}

/** Inputs of {@link startShell}. */
export interface ShellOptions {
  readonly createCore: (platform: PlatformPort) => CoreHandle;
  readonly appRoot?: string;
  readonly platform?: NodeJS.Platform;
  readonly log: Log;
  /** The log file main writes (shown and revealed in the UI). */
  readonly logFile?: string;
  /** A Developer ID signed build: notifications and updates work only then. */
  readonly signed?: boolean;
  /** Loads electron-updater's autoUpdater (tests pass a fake). */
  readonly loadUpdater?: () => Promise<UpdaterLike>;
}

/** Build the shell (call once, after `app.whenReady()`). */
export function startShell(e: ElectronApi, opts: ShellOptions): Shell {
  const platformName = opts.platform ?? process.platform;
  const { log } = opts;
  const macos = platformName === 'darwin';
  // LSUIElement covers the packaged app; this covers `electron .` (§2.2; dock.hide() is brittle).
  if (macos) e.app.setActivationPolicy('accessory');
  denyAllPermissions(e.session.defaultSession);
  const root = opts.appRoot ?? e.app.getAppPath();
  e.protocol.handle(APP_SCHEME, createAppProtocolHandler(join(root, 'dist', 'renderer')));
  e.Menu.setApplicationMenu(e.Menu.buildFromTemplate(applicationMenuTemplate()));

  let refresh = (): void => undefined;
  const notifications = new NotificationStatus(macos && opts.signed === true, () => refresh(), e.Notification.isSupported());
  const platform = createElectronPlatform({ app: e.app, shell: e.shell, platform: platformName, logPath: opts.logFile, notifications: () => notifications.view() });
  const core = opts.createCore(platform);
  refresh = () => core.refresh();
  const trusted = new TrustedSenders();
  const win = new e.BrowserWindow(popoverWindowOptions(join(root, 'dist', 'preload', 'preload.cjs'), !e.app.isPackaged));
  // Privileged config keys change from the renderer only after a native confirmation (with the value).
  // App-modal, not a sheet on the popover: the popover hides on blur, and a sheet would hide with it.
  const confirm = dialogDecision({ showMessageBox: (options) => e.dialog.showMessageBox(options) });
  // The cliPath picker is main's own: a native dialog the renderer cannot fill in (core's answers `unavailable`).
  const pickCliPath = pickCliPathHandler({ dialog: e.dialog, config: () => (core.config?.() ?? {}) as AppConfig, write: core.handlers['config:set'], reshow: () => popover.show() });
  registerVerbs({ ipcMain: e.ipcMain, handlers: { ...guardPrivileged(core.handlers, confirm, core.config), 'account:pick-cli-path': pickCliPath }, trusted, warn: (m) => log('warn', m) });
  trusted.add(win.webContents);
  // skipTransformProcessType keeps the Dock icon from coming back (electron#37832).
  win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
  const relay = new EventRelay(trusted);
  relay.attach(win.webContents);

  let snapshot: Snapshot | undefined;
  const call = <V extends 'app:pause' | 'permissions:check' | 'app:reveal-logs'>(verb: V, input: unknown) => dispatchVerb(core.handlers, verb, input);
  const updates = appUpdates(e, { macos, signed: opts.signed === true, log, load: opts.loadUpdater });
  const icon = (state: Parameters<typeof trayIconFile>[0]) => e.nativeImage.createFromPath(join(root, 'assets', trayIconFile(state, platformName, e.nativeTheme.shouldUseDarkColors)));
  const tray = new TrayController<Menu>({
    createTray: (image) => new e.Tray(image, TRAY_GUID),
    icon,
    toggle: () => popover.toggle(),
    menu: () =>
      e.Menu.buildFromTemplate(
        trayMenuTemplate(
          { paused: snapshot?.paused ?? false, loginItem: loginItemView(e.app.getLoginItemSettings(), platformName), updates: updatesMenuItem(updates) },
          {
            open: () => popover.show(),
            setPaused: (paused) => void call('app:pause', { paused }),
            setOpenAtLogin: (enabled) => void platform.loginItem(enabled),
            openLoginItemsSettings: () => void platform.openSettings('login-items'),
            openConfig: () => void openConfigFile(e.shell, platform, core),
            revealLogs: () => void call('app:reveal-logs', {}),
            checkUpdates: () => void checkUpdatesWithDialog(e, updates),
            quit: () => e.app.quit(),
          },
        ),
      ),
  });
  // If macOS did not place the item (a full menu bar), show it as text; the popover opened at launch anyway.
  setTimeout(() => tray.checkPlaced(), 1_500).unref?.();
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
  const { notifier, enabled: notify } = startNotifications(e, { status: notifications, decide: (verb, input) => dispatchVerb(core.handlers, verb, input), open, log });
  const power = new PowerController({
    powerMonitor: e.powerMonitor,
    powerSaveBlocker: e.powerSaveBlocker,
    flush: () => core.flush(),
    checkHealth: () => core.checkHealth(),
    quitFast: () => guard.quitFast(),
    log,
  });

  core.events.on('snapshot', (next) => {
    snapshot = next;
    tray.render(trayLook(next));
    power.update(next);
    if (notify) notifier.snapshot(next);
  });
  core.events.on('pairing:new', (request) => {
    if (notify) notifier.pairingRequest(request);
  });
  relay.forward(core.events);
  e.nativeTheme.on('updated', () => tray.refresh());

  const guard = installQuitGuard({
    app: e.app,
    window: win,
    hide: () => popover.hide(),
    stop: () => {
      power.release();
      updates.stop();
      return core.stop();
    },
    flush: () => core.flush(),
    onStopError: (err) => log('error', `stopping the core failed: ${String(err)}`),
  });

  void win.loadURL(APP_ENTRY_URL).catch((err: unknown) => log('error', `the popover page did not load: ${String(err)}`));
  const starting = startCore(e, core, { log, onStarted: () => updates.start() });
  return { popover, tray, relay, notifier, notifications, power, updates, core, platform, started: starting, open };
}
