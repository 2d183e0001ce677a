// A tiny typed listener list: subscribe returns its own unsubscribe, and one throwing listener
// never stops the others (or the stdout reader that called emit).

/** Ordered set of listeners for one event type. */
export class ListenerSet<T> {
  readonly #listeners = new Set<(value: T) => void>();

  /** Add a listener; the returned function removes it. */
  add(listener: (value: T) => void): () => void {
    // Wrap so the same function can be added twice and removed independently.
    const entry = (value: T): void => listener(value);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /** Call every listener; `onThrow` gets whatever a listener threw. */
  emit(value: T, onThrow?: (err: unknown) => void): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch (err) {
        onThrow?.(err);
      }
    }
  }
}
