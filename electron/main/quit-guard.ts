// Quitting in order (macos-electron §2.4): the window only hides until the app really quits, and
// the core (with its imsg children) is stopped before Electron goes, within a deadline.

/** The parts of `app` and the window the guard needs. */
export interface QuitGuardDeps {
  readonly app: { on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown; quit(): void };
  readonly window: { on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown };
  readonly hide: () => void;
  readonly stop: () => Promise<void>;
  readonly onStopError?: (err: unknown) => void;
  /** How long stopping may hold the quit (default 5 s). */
  readonly deadlineMs?: number;
}

/** Install the close/before-quit handlers. */
export function installQuitGuard(deps: QuitGuardDeps): void {
  let quitting = false;
  let stopped = false;
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
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, deps.deadlineMs ?? 5_000).unref());
    void Promise.race([deps.stop().catch((err: unknown) => deps.onStopError?.(err)), deadline]).then(() => {
      stopped = true;
      deps.app.quit();
    });
  });
}
