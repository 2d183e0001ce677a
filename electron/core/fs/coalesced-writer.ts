// Atomic writes of a small state file where bursts of saves collapse into one write.
import { writeFileAtomic } from './atomic-write.js';

/** Writes the newest content given to `save`; concurrent saves share the next single write. */
export class CoalescedWriter {
  #writing: Promise<void> | undefined;
  #pending: string | undefined;
  #pendingDone: Promise<void> | undefined;

  constructor(readonly file: string) {}

  /** Persist `content`; resolves once a write containing it (or newer content) is durable. */
  save(content: string): Promise<void> {
    this.#pending = content;
    this.#pendingDone ??= this.#drainAfterCurrent();
    return this.#pendingDone;
  }

  async #drainAfterCurrent(): Promise<void> {
    // While one write is in flight, later saves wait and collapse into the next one.
    await this.#writing?.catch(() => undefined);
    const content = this.#pending as string;
    this.#pending = undefined;
    this.#pendingDone = undefined;
    this.#writing = writeFileAtomic(this.file, content);
    return this.#writing;
  }
}
