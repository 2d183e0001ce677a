// Writes only the newest state, one write at a time and at most every `intervalMs`: a burst of
// commits costs a handful of writes, and the state is built only when a write actually starts.

/** Runs `write(build())` for the latest request; see the module comment. */
export class LatestWriter<T> {
  #running = false;
  #dirty = false;
  #lastAt = 0;
  #settled: Promise<void> = Promise.resolve();
  #failures = 0;
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly build: () => T,
    private readonly write: (state: T) => Promise<void>,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 0,
    private readonly onOk: () => void = () => undefined,
  ) {}

  /** Ask for a write of the state as it is when the write starts. */
  request(): void {
    this.#dirty = true;
    if (this.#running) return;
    this.#running = true;
    this.#settled = this.#loop();
  }

  /** Resolves once every requested write is done (failed writes were reported, not thrown). */
  settled(): Promise<void> {
    return this.#settled;
  }

  /** A failed write (a full disk) is tried again by itself, 1 s doubling to 30 s, without holding `settled`. */
  #scheduleRetry(): void {
    this.#failures++;
    if (this.#retry) return;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.#failures - 1, 5));
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.request();
    }, delay);
    this.#retry.unref?.();
  }

  async #loop(): Promise<void> {
    try {
      while (this.#dirty) {
        const wait = this.#lastAt + this.intervalMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        this.#lastAt = Date.now();
        this.#dirty = false;
        try {
          await this.write(this.build());
          this.#failures = 0;
          this.onOk();
        } catch (err) {
          this.onError(err);
          this.#scheduleRetry();
        }
      }
    } finally {
      this.#running = false;
    }
  }
}
