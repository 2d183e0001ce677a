// The popover's BrowserWindow options: frameless, hidden until positioned, and every renderer
// hardening switch of macos-electron §2.1 set explicitly (#2–4, #11), even where it is the default.
import type { BrowserWindowConstructorOptions } from 'electron';

/** The popover's size in DIPs (the renderer is laid out for it). */
export const POPOVER_SIZE = Object.freeze({ width: 380, height: 560 });

/** Options for `new BrowserWindow(…)`; `devTools` only in unpackaged dev runs. */
export function popoverWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    hiddenInMissionControl: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  };
}
