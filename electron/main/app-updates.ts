// The shell's side of auto-update: when updates are on (the signed, packaged Mac app), how
// electron-updater is loaded, the menu item, and the answer to "Check for Updates…".
import type { ElectronApi, Log } from './electron-api.js';
import { UNSIGNED_UPDATES, type UpdaterLike, Updates } from './updater.js';

/** electron-updater's autoUpdater, loaded only when updates are on. */
export const loadElectronUpdater = async (): Promise<UpdaterLike> => {
  const mod = (await import('electron-updater')) as unknown as { autoUpdater?: UpdaterLike; default?: { autoUpdater: UpdaterLike } };
  const updater = mod.autoUpdater ?? mod.default?.autoUpdater;
  if (!updater) throw new Error('electron-updater has no autoUpdater');
  return updater;
};

/** The Updates of this app: off in development runs and in unsigned builds (with the reason). */
export function appUpdates(e: Pick<ElectronApi, 'app'>, opts: { macos: boolean; signed: boolean; log: Log; load?: () => Promise<UpdaterLike> }): Updates {
  const offReason = !opts.macos || !e.app.isPackaged ? 'Updates run only in the packaged Mac app.' : opts.signed ? undefined : UNSIGNED_UPDATES;
  return new Updates({ offReason, load: opts.load ?? loadElectronUpdater, currentVersion: e.app.getVersion(), log: opts.log });
}

/** The tray menu's update item for the current state. */
export function updatesMenuItem(updates: Updates): { label: string; enabled: boolean } {
  return updates.state.kind === 'off' ? { label: 'Updates Off in This Build', enabled: false } : { label: 'Check for Updates…', enabled: true };
}

/** "Check for Updates…": check now and say the outcome in a dialog. */
export async function checkUpdatesWithDialog(e: Pick<ElectronApi, 'app' | 'dialog'>, updates: Updates): Promise<void> {
  const state = await updates.check();
  await e.dialog.showMessageBox({ type: state.kind === 'error' ? 'warning' : 'info', buttons: ['OK'], message: 'Software Update', detail: Updates.describe(state, e.app.getVersion()) });
}
