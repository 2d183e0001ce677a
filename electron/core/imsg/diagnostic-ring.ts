// Bounded memory of the child's last stderr lines (and stdout lines that were not JSON).

/** Longest line kept in the ring; longer ones are cut so the ring stays bounded in bytes too. */
export const RING_LINE_MAX_CHARS = 4000;

/** A fixed-size ring of text lines, oldest dropped first. */
export class DiagnosticRing {
  readonly #lines: string[] = [];

  constructor(private readonly capacity = 200) {}

  /** Remember one line (cut to {@link RING_LINE_MAX_CHARS}). */
  push(line: string): void {
    if (this.capacity <= 0) return;
    this.#lines.push(line.length > RING_LINE_MAX_CHARS ? `${line.slice(0, RING_LINE_MAX_CHARS)}…` : line);
    if (this.#lines.length > this.capacity) this.#lines.splice(0, this.#lines.length - this.capacity);
  }

  /** A copy of the kept lines, oldest first. */
  lines(): readonly string[] {
    return [...this.#lines];
  }
}
