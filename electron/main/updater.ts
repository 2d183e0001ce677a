// Auto-update through electron-updater: the GitHub releases feed (app-update.yml, written by
// electron-builder's `publish`), the zip target, downloaded in the background and installed when
// the app quits. electron-updater checks the zip's sha512 from latest-mac.yml; Squirrel.Mac then
// installs it only if its code signature matches the running app's. So it is off in unsigned
// builds (the menu says so) and in development runs.

/** The parts of electron-updater's `autoUpdater` (an AppUpdater) used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(m: unknown): void; warn(m: unknown): void; error(m: unknown): void; debug?(m: unknown): void } | null;
  on(event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
}

/** What the updater is doing, for the menu and the "Check for Updates" answer. */
export type UpdateState =
  | { readonly kind: 'off'; readonly reason: string }
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'up-to-date'; readonly version: string }
  | { readonly kind: 'downloading'; readonly version: string }
  | { readonly kind: 'ready'; readonly version: string }
  | { readonly kind: 'error'; readonly message: string };

/** Inputs of {@link Updates}. */
export interface UpdatesOptions {
  /** Undefined when updates may run; else why not (shown in the menu). */
  readonly offReason: string | undefined;
  /** Loads electron-updater lazily (so nothing of it runs in a build where updates are off). */
  readonly load: () => Promise<UpdaterLike>;
  readonly currentVersion: string;
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Background checks: first after `firstDelayMs` (default 60 s), then every `intervalMs` (default 6 h). */
  readonly firstDelayMs?: number;
  readonly intervalMs?: number;
  readonly onChange?: (state: UpdateState) => void;
}

/** The reason shown for an unsigned build. */
export const UNSIGNED_UPDATES = 'Updates are off in this build: it is not signed, and macOS installs an update only over a signed app.';

/** Owns the updater: background checks, a manual check, the state for the menu. */
export class Updates {
  readonly #opts: UpdatesOptions;
  #state: UpdateState;
  #updater: Promise<UpdaterLike> | undefined;
  #timers: NodeJS.Timeout[] = [];

  constructor(opts: UpdatesOptions) {
    this.#opts = opts;
    this.#state = opts.offReason ? { kind: 'off', reason: opts.offReason } : { kind: 'idle' };
  }

  /** The current state. */
  get state(): UpdateState {
    return this.#state;
  }

  /** Start the background checks (no-op when off). */
  start(): void {
    if (this.#state.kind === 'off') return;
    const first = setTimeout(() => void this.check(), this.#opts.firstDelayMs ?? 60_000);
    const every = setInterval(() => void this.check(), this.#opts.intervalMs ?? 6 * 3600_000);
    first.unref?.();
    every.unref?.();
    this.#timers.push(first, every);
  }

  /** Stop the background checks. */
  stop(): void {
    for (const t of this.#timers.splice(0)) clearTimeout(t);
  }

  /** Check now; resolves to the state after the check (a found update keeps downloading). */
  async check(): Promise<UpdateState> {
    if (this.#state.kind === 'off' || this.#state.kind === 'checking' || this.#state.kind === 'ready') return this.#state;
    this.#set({ kind: 'checking' });
    try {
      const updater = await this.#updater_();
      const result = await updater.checkForUpdates();
      // A failed download also arrives as an 'error' event (which sets the state); keep its promise handled.
      void result?.downloadPromise?.catch(() => undefined);
      // The events have set the state by now; a check that found nothing and said nothing is up to date.
      if ((this.#state as UpdateState).kind === 'checking') this.#set({ kind: 'up-to-date', version: this.#opts.currentVersion });
    } catch (err) {
      this.#set({ kind: 'error', message: (err as Error).message });
    }
    return this.#state;
  }

  /** The sentence the "Check for Updates" dialog shows for `state`. */
  static describe(state: UpdateState, current: string): string {
    switch (state.kind) {
      case 'off':
        return state.reason;
      case 'idle':
      case 'checking':
        return 'Checking for updates…';
      case 'up-to-date':
        return `imsg Companion ${current} is the newest version.`;
      case 'downloading':
        return `Version ${state.version} is available and downloading. It is installed when you quit imsg Companion.`;
      case 'ready':
        return `Version ${state.version} is downloaded. It is installed when you quit imsg Companion.`;
      case 'error':
        return `The update check failed: ${state.message}`;
    }
  }

  #updater_(): Promise<UpdaterLike> {
    this.#updater ??= this.#opts.load().then((u) => {
      u.autoDownload = true;
      u.autoInstallOnAppQuit = true;
      const log = this.#opts.log;
      u.logger = { info: (m) => log('info', `updater: ${String(m)}`), warn: (m) => log('warn', `updater: ${String(m)}`), error: (m) => log('error', `updater: ${String(m)}`) };
      u.on('update-available', (info) => this.#set({ kind: 'downloading', version: info.version }));
      u.on('update-not-available', () => this.#set({ kind: 'up-to-date', version: this.#opts.currentVersion }));
      u.on('update-downloaded', (info) => this.#set({ kind: 'ready', version: info.version }));
      u.on('error', (err) => this.#set({ kind: 'error', message: err.message }));
      return u;
    });
    return this.#updater;
  }

  #set(state: UpdateState): void {
    this.#state = state;
    this.#opts.onChange?.(state);
  }
}
