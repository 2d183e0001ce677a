// Sleep, wake, shutdown and App Nap for the menu-bar app.
//
// App Nap: a menu-bar app whose only window is hidden is a candidate for App Nap (timers and
// I/O throttled: the cursor save, the journal's group commit, imsg pings). Apple's Energy
// Efficiency Guide ("Extend App Nap") lists what keeps an app out of it: being in front, drawing,
// audio, or "any IOKit power management or NSProcessInfo assertions". Electron's
// powerSaveBlocker 'prevent-app-suspension' takes such an IOKit assertion (no idle system
// sleep; the display may still sleep, a closed lid still sleeps). So we hold it exactly while at
// least one account runs and nothing is paused: answering messages is the work the user asked
// for, and an idle or paused app costs nothing. That it also keeps a Mac from idle-sleeping
// while accounts run is the point of an always-on assistant; docs/mac-checklist.md says so.
import type { Snapshot } from '../contract/views.js';
import type { Log } from './electron-api.js';

/** The parts of `powerMonitor` used here. */
export interface PowerMonitorLike {
  on(event: 'suspend' | 'resume' | 'shutdown', listener: () => void): unknown;
}

/** The parts of `powerSaveBlocker` used here. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension'): number;
  stop(id: number): boolean;
}

/** Inputs of {@link PowerController}. */
export interface PowerDeps {
  readonly powerMonitor: PowerMonitorLike;
  readonly powerSaveBlocker: PowerSaveBlockerLike;
  /** Write journal, activity and cursors now (before sleep). */
  readonly flush: () => Promise<void>;
  /** Re-probe permissions, ping every imsg child, restart wedged ones (after wake). */
  readonly checkHealth: () => Promise<unknown>;
  /** The system shuts down or restarts: quit without the quit guard's long wait. */
  readonly quitFast: () => void;
  readonly log: Log;
}

/** Whether the snapshot has work that App Nap would slow down: a running account, not paused. */
export function needsAwake(snapshot: Snapshot): boolean {
  if (snapshot.paused) return false;
  return snapshot.accounts.some((a) => a.enabled && ['starting', 'ready', 'watching', 'backoff'].includes(a.health.state));
}

/** Holds the App Nap blocker while accounts run; reacts to sleep, wake and shutdown. */
export class PowerController {
  readonly #deps: PowerDeps;
  #blocker: number | undefined;

  constructor(deps: PowerDeps) {
    this.#deps = deps;
    deps.powerMonitor.on('suspend', () => {
      deps.log('info', 'the Mac is going to sleep: writing the journal and cursors');
      void deps.flush().catch((err: unknown) => deps.log('error', `flush before sleep failed: ${String(err)}`));
    });
    deps.powerMonitor.on('resume', () => {
      deps.log('info', 'the Mac woke: re-checking permissions and pinging imsg');
      void deps.checkHealth().catch((err: unknown) => deps.log('error', `the wake-up check failed: ${String(err)}`));
    });
    deps.powerMonitor.on('shutdown', () => {
      deps.log('info', 'the Mac is shutting down: quitting now');
      deps.quitFast();
    });
  }

  /** True while the blocker is held. */
  get blocking(): boolean {
    return this.#blocker !== undefined;
  }

  /** Start or stop the blocker to match `snapshot`. */
  update(snapshot: Snapshot): void {
    const want = needsAwake(snapshot);
    if (want && this.#blocker === undefined) this.#blocker = this.#deps.powerSaveBlocker.start('prevent-app-suspension');
    else if (!want && this.#blocker !== undefined) this.release();
  }

  /** Stop the blocker (at quit). */
  release(): void {
    if (this.#blocker === undefined) return;
    this.#deps.powerSaveBlocker.stop(this.#blocker);
    this.#blocker = undefined;
  }
}
