// The bounded set of done ids a pending journal keeps, so a message replayed after a crash is caught.
/** Recently done ids, oldest first; past `keep` of them the oldest is forgotten. */
export class DoneIds implements Iterable<string> {
  readonly #ids = new Set<string>();

  constructor(readonly keep: number) {}

  /** Note `id` as done now (an id noted again becomes the newest). */
  note(id: string): void {
    this.#ids.delete(id);
    this.#ids.add(id);
    if (this.#ids.size > this.keep) this.#ids.delete(this.#ids.values().next().value as string);
  }

  /** The ids, oldest first. */
  [Symbol.iterator](): Iterator<string> {
    return this.#ids.values();
  }
}
