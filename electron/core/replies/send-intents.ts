// What each reply was about to send, written before the send: after a crash, a job still in the
// journal may already have been answered, and only the texts tell whether the chat shows them.
// Written synchronously (page cache, microseconds): the record is there before imsg gets the
// request, so even a crash right after it leaves the evidence. Only a power loss could lose it.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The texts a reply was about to send, and when. */
export interface SendIntent {
  readonly texts: readonly string[];
  readonly at: string;
}

/** Rewrite the file once it holds this many bytes of intents no job needs any more. */
const COMPACT_BYTES = 256 * 1024;

/** The intents of unfinished replies, in memory and in `<stateDir>/send-intents.jsonl`. */
export class SendIntents {
  readonly #intents = new Map<string, SendIntent>();
  #fd: number | undefined;
  #bytes = 0;

  constructor(readonly file: string) {}

  /** The default location under a state directory. */
  static fileIn(stateDir: string): string {
    return join(stateDir, 'send-intents.jsonl');
  }

  /** Read what the previous run recorded (a torn or bad line is skipped: it promised nothing). */
  load(): void {
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return; // none yet
    }
    for (const line of text.split('\n')) {
      try {
        const { id, texts, at } = JSON.parse(line) as { id?: unknown; texts?: unknown; at?: unknown };
        if (typeof id === 'string' && Array.isArray(texts) && texts.every((t) => typeof t === 'string') && typeof at === 'string') this.#intents.set(id, { texts, at });
      } catch {
        // skipped
      }
    }
    this.#bytes = Buffer.byteLength(text);
  }

  /** The intent recorded for a job (this run or the last), if any. */
  get(id: string): SendIntent | undefined {
    return this.#intents.get(id);
  }

  /**
   * Record, before sending, what job `id` is about to send. Never throws: a write failure (full
   * disk) is returned, the reply still goes out (without evidence, a crash could repeat it).
   */
  record(id: string, texts: readonly string[], at: string): string | undefined {
    this.#intents.set(id, { texts, at });
    try {
      if (this.#bytes > COMPACT_BYTES) this.#compact();
      const line = `${JSON.stringify({ id, texts, at })}\n`;
      this.#fd ??= this.#open('a');
      writeSync(this.#fd, line);
      this.#bytes += Buffer.byteLength(line);
      return undefined;
    } catch (err) {
      this.#fd = undefined; // reopened by the next record
      return `could not record the reply before sending it (${this.file}): ${(err as Error).message}`;
    }
  }

  /** Job `id` is finished: its intent is no longer needed (dropped at the next rewrite). */
  forget(id: string): void {
    this.#intents.delete(id);
  }

  /** Close the file (a later record reopens it). */
  close(): void {
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }

  #open(flags: string, file = this.file): number {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    return openSync(file, flags, 0o600);
  }

  // Only the intents of unfinished jobs are kept; a crash mid-rewrite leaves the old file.
  #compact(): void {
    const text = [...this.#intents].map(([id, intent]) => `${JSON.stringify({ id, ...intent })}\n`).join('');
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = this.#open('w', tmp);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    this.close();
    this.#bytes = Buffer.byteLength(text);
  }
}
