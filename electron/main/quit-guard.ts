// Quitting in order (macos-electron §2.4): the window only hides until the app really quits, and
// the core (with its imsg children) is stopped before Electron goes, within a deadline. At system
// shutdown the deadline is short: the journal is flushed and replies in flight resume at next
// launch (crash-resume), rather than holding up logout.

/** The parts of `app` and the window the guard needs. */
export interface QuitGuardDeps {
  readonly app: { on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown; quit(): void };
  readonly window: { on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown };
  readonly hide: () => void;
  readonly stop: () => Promise<void>;
  /** Write what is buffered (used instead of a full stop when quitting fast). */
  readonly flush?: () => Promise<void>;
  readonly onStopError?: (err: unknown) => void;
  /** How long stopping may hold the quit (default 5 s). */
  readonly deadlineMs?: number;
  /** How long a fast quit (system shutdown) may take (default 1 s). */
  readonly fastDeadlineMs?: number;
}

/** Controls of an installed guard. */
export interface QuitGuard {
  /** Quit now with the short deadline (system shutdown or restart). */
  quitFast(): void;
}

/** Install the close/before-quit handlers. */
export function installQuitGuard(deps: QuitGuardDeps): QuitGuard {
  let quitting = false;
  let stopped = false;
  let fast = false;
  // ⌘W or a close must not destroy the only window: hide it until the app really quits.
  deps.window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    deps.hide();
  });
  deps.app.on('before-quit', (event) => {
    quitting = true;
    if (stopped) return;
    event.preventDefault();
    const ms = fast ? (deps.fastDeadlineMs ?? 1_000) : (deps.deadlineMs ?? 5_000);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    // A fast quit writes the journal first (it must land), then stops as far as the deadline allows.
    const work = fast && deps.flush ? deps.flush().then(deps.stop) : deps.stop();
    void Promise.race([work.catch((err: unknown) => deps.onStopError?.(err)), deadline]).then(() => {
      stopped = true;
      deps.app.quit();
    });
  });
  return {
    quitFast: () => {
      fast = true;
      deps.app.quit();
    },
  };
}
