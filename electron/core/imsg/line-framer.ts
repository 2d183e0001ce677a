// Strict LF framing of a byte stream into text lines (imsg writes one JSON object per line).
import { StringDecoder } from 'node:string_decoder';

/** Default longest line kept (characters); imsg lines are KBs, a bigger one is garbage. */
export const DEFAULT_MAX_LINE_CHARS = 8 * 1024 * 1024;

/** Callbacks of a {@link LineFramer}. */
export interface LineFramerHandlers {
  /** A complete line, without its LF and a trailing CR; never empty or blank. */
  onLine(line: string): void;
  /** A line grew past the limit; `head` is its start, the rest up to the next LF is dropped. */
  onOverflow(head: string, maxChars: number): void;
}

/**
 * Splits on `\n` only (never on U+2028/U+2029 or a lone `\r`), decoding UTF-8 in a streaming
 * way so a multi-byte character split across chunks reassembles.
 */
export class LineFramer {
  readonly #decoder = new StringDecoder('utf8');
  #parts: string[] = [];
  #size = 0;
  #discarding = false;

  constructor(
    private readonly handlers: LineFramerHandlers,
    private readonly maxChars = DEFAULT_MAX_LINE_CHARS,
  ) {}

  /** Feed one chunk of stdout. */
  push(chunk: Buffer | string): void {
    this.#take(typeof chunk === 'string' ? chunk : this.#decoder.write(chunk));
  }

  /** The stream ended: flush a final line that had no LF. */
  end(): void {
    this.#take(this.#decoder.end());
    if (!this.#discarding && this.#size > 0) this.#emit(this.#parts.join(''));
    this.#reset();
  }

  #take(text: string): void {
    let start = 0;
    for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', start)) {
      const piece = text.slice(start, lf);
      start = lf + 1;
      if (this.#discarding || this.#size + piece.length > this.maxChars) {
        if (!this.#discarding) this.handlers.onOverflow(this.#head(piece), this.maxChars);
        this.#reset();
        continue;
      }
      const line = this.#size === 0 ? piece : this.#parts.join('') + piece;
      this.#reset();
      this.#emit(line);
    }
    this.#append(text.slice(start));
  }

  #append(rest: string): void {
    if (rest === '' || this.#discarding) return;
    if (this.#size + rest.length > this.maxChars) {
      // Report once and drop everything up to the next LF, so memory stays bounded.
      this.handlers.onOverflow(this.#head(rest), this.maxChars);
      this.#parts = [];
      this.#size = 0;
      this.#discarding = true;
      return;
    }
    this.#parts.push(rest);
    this.#size += rest.length;
  }

  #head(tail: string): string {
    return (this.#parts[0] ?? tail).slice(0, 200);
  }

  #reset(): void {
    this.#parts = [];
    this.#size = 0;
    this.#discarding = false;
  }

  #emit(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() !== '') this.handlers.onLine(line);
  }
}
