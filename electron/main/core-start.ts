// Starting the core from the shell: on success the background update checks begin; when another
// instance (the app from elsewhere, or `serve`) owns the state dir, say which one and quit.
import { InstanceBusyError } from '../core/transport/control-owner.js';
import type { CoreHandle, ElectronApi, Log } from './electron-api.js';

/** Start `core`; settles once started, or once the refusal was shown (the app then quits). */
export function startCore(e: Pick<ElectronApi, 'app' | 'dialog'>, core: Pick<CoreHandle, 'start'>, opts: { log: Log; onStarted: () => void }): Promise<void> {
  return core.start().then(opts.onStarted, async (err: unknown) => {
    if (!(err instanceof InstanceBusyError)) return opts.log('error', `the core did not start: ${String(err)}`);
    opts.log('error', err.message);
    await e.dialog.showMessageBox({ type: 'warning', buttons: ['Quit'], message: 'imsg Companion is already running', detail: err.message });
    e.app.quit();
  });
}

/** Tray → Open Config File: open it, else show it in Finder, else the state dir. */
export async function openConfigFile(shell: { openPath(path: string): Promise<string> }, platform: { reveal(path: string): Promise<{ opened: boolean }> }, core: Pick<CoreHandle, 'configPath' | 'stateDir'>): Promise<void> {
  const error = await shell.openPath(core.configPath);
  if (error === '') return;
  const shown = await platform.reveal(core.configPath);
  if (!shown.opened) await platform.reveal(core.stateDir);
}
