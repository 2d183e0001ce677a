// Pushes snapshots to subscribers: coalesced (one build per 50 ms of changes), only while
// someone listens, never the same one twice, and nothing after stop().
import type { Snapshot } from '../../contract/views.js';

/** Coalesced snapshot pushes; see the module comment. */
export class SnapshotPusher {
  #timer: NodeJS.Timeout | undefined;
  #pushing: Promise<void> = Promise.resolve();
  #lastPushed = '';
  #stopped = false;

  constructor(
    private readonly build: () => Promise<Snapshot>,
    private readonly push: (snapshot: Snapshot) => void,
    private readonly listening: () => boolean,
    private readonly delayMs = 50,
  ) {}

  /** Something a snapshot shows changed: push a new one soon. */
  changed(): void {
    // Nobody to push to (headless serve without a UI): building one per message is wasted work.
    if (this.#timer || this.#stopped || !this.listening()) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pushing = this.build().then((s) => {
        // Identical snapshots are not pushed again (health timers and file watches fire often).
        const text = JSON.stringify(s);
        if (text === this.#lastPushed) return;
        this.#lastPushed = text;
        this.push(s);
      }, () => undefined);
    }, this.delayMs);
    this.#timer.unref?.();
  }

  /** Pushes are wanted (again). */
  start(): void {
    this.#stopped = false;
  }

  /** No more pushes; resolves once a snapshot being built is done. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#pushing;
  }
}
