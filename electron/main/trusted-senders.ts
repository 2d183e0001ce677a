// The webContents ids of windows this app created (GitHub Desktop's trusted-ipc-sender): an IPC
// message from any other webContents (a webview, a devtools page, a stray window) is dropped.

/** What registration needs from a WebContents. */
export interface TrackedContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** A set of trusted webContents ids, each removed when its contents is destroyed. */
export class TrustedSenders {
  readonly #ids = new Set<number>();

  /** Trust `contents` until it is destroyed (ids are not reused while it lives). */
  add(contents: TrackedContents): void {
    this.#ids.add(contents.id);
    contents.once('destroyed', () => this.#ids.delete(contents.id));
  }

  /** Whether `id` belongs to a live window we created. */
  has(id: number): boolean {
    return this.#ids.has(id);
  }
}
