// A tiny typed event emitter (listeners never break the emitter: their errors are swallowed).

/** Typed publish/subscribe over an event map. */
export class Emitter<M extends object> {
  readonly #listeners = new Map<keyof M, Set<(payload: never) => void>>();

  /** Subscribe; returns an unsubscribe. */
  on<K extends keyof M>(event: K, listener: (payload: M[K]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** True when `event` has a listener (so work that only feeds it can be skipped). */
  has<K extends keyof M>(event: K): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  /** Deliver `payload` to every listener of `event`. */
  emit<K extends keyof M>(event: K, payload: M[K]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as (p: M[K]) => void)(payload);
      } catch {
        // A faulty subscriber (e.g. a closed socket) must not stop the others.
      }
    }
  }
}
