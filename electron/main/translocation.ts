// App Translocation: an app started from a disk image or Downloads (quarantined, not moved) runs
// from a random read-only path. The Full Disk Access entry the user adds and the login item then
// point at that path, which changes on every launch, so the grants seem to vanish. Offer, once,
// to move the app to /Applications (Electron's moveToApplicationsFolder relaunches it there).
import type { MessageBoxOptions } from 'electron';

/** The parts of `app` used here. */
export interface MoveApp {
  readonly isPackaged: boolean;
  isInApplicationsFolder(): boolean;
  moveToApplicationsFolder(): boolean;
}

/** Remembers that the question was asked (so it is asked once). */
export interface AskedOnce {
  asked(key: string): boolean;
  remember(key: string): Promise<void>;
}

/** Inputs of {@link offerMoveToApplications}. */
export interface MoveOfferDeps {
  readonly app: MoveApp;
  readonly dialog: { showMessageBox(options: MessageBoxOptions): Promise<{ response: number }> };
  readonly memory: AskedOnce;
  readonly platform: NodeJS.Platform;
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** The key under which the answer is remembered. */
export const MOVE_ASKED = 'move-to-applications';

/** The question's dialog options. */
export function moveOptions(): MessageBoxOptions {
  return {
    type: 'question',
    buttons: ['Move to Applications', 'Not Now'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
    message: 'Move imsg Companion to your Applications folder?',
    detail:
      'It is running from a download or a disk image. macOS then starts it from a temporary, read-only copy, so the Full Disk Access and ' +
      'Automation permissions you grant and the "Start at Login" item would point at a copy that changes every launch. ' +
      'Moved to Applications, it keeps one place and its permissions stay. The app restarts from there.',
  };
}

/**
 * Ask once when the packaged app runs outside /Applications. Resolves to 'moved' (the app quits
 * and relaunches), 'declined', 'failed' or 'not-needed'.
 */
export async function offerMoveToApplications(deps: MoveOfferDeps): Promise<'moved' | 'declined' | 'failed' | 'not-needed'> {
  const { app } = deps;
  if (deps.platform !== 'darwin' || !app.isPackaged || app.isInApplicationsFolder() || deps.memory.asked(MOVE_ASKED)) return 'not-needed';
  await deps.memory.remember(MOVE_ASKED).catch((err: unknown) => deps.log('warn', `could not remember the move question: ${String(err)}`));
  const { response } = await deps.dialog.showMessageBox(moveOptions());
  if (response !== 0) return 'declined';
  try {
    // False when the user cancelled the authorization prompt; it throws when the copy failed.
    return app.moveToApplicationsFolder() ? 'moved' : 'declined';
  } catch (err) {
    deps.log('error', `moving to /Applications failed: ${(err as Error).message}`);
    await deps.dialog.showMessageBox({ type: 'error', buttons: ['OK'], message: 'imsg Companion could not move itself to Applications.', detail: `${(err as Error).message}\n\nDrag it from the disk image or Downloads into Applications yourself, then open it from there.` });
    return 'failed';
  }
}
