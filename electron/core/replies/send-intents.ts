// What each reply was about to send, written before the send: after a crash, a job still in the
// journal may already have been answered, and only the texts tell whether the chat shows them.
// Written synchronously (page cache, microseconds): the record is there before imsg gets the
// request, so even a crash right after it leaves the evidence. Only a power loss could lose it.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
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
  #problem: string | undefined;

  constructor(readonly file: string) {}

  /** The default location under a state directory. */
  static fileIn(stateDir: string): string {
    return join(stateDir, 'send-intents.jsonl');
  }

  /** Why the file cannot be trusted or written (status shows it); undefined when fine. */
  get problem(): string | undefined {
    return this.#problem;
  }

  /**
   * Read what the previous run recorded (a torn last line is skipped: it promised nothing). Bad
   * lines elsewhere are reported in {@link problem} and rewritten away at once (a copy is kept).
   */
  load(): void {
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      // Unreadable is not "none yet": a crash check without it could repeat a reply.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.#problem = `cannot read ${this.file}: ${(err as Error).message}`;
      return;
    }
    const lines = text.split('\n');
    const last = lines.findLastIndex((l) => l.trim() !== '');
    let bad = 0;
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const intent = parseIntent(line);
      if (intent) this.#intents.set(intent.id, intent.intent);
      else if (i !== last) bad++;
    }
    this.#bytes = Buffer.byteLength(text);
    if (bad === 0) return;
    this.#problem = `${this.file}: ${bad} bad line(s) ignored`;
    try {
      writeFileSync(`${this.file}.corrupt-${Date.now()}`, text, { mode: 0o600 });
      this.#compact();
      this.#problem = undefined;
    } catch (err) {
      this.#problem += `; could not rewrite it: ${(err as Error).message}`;
    }
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
      this.#problem = undefined;
      return undefined;
    } catch (err) {
      this.#fd = undefined; // reopened by the next record
      this.#problem = `cannot write ${this.file}: ${(err as Error).message}`;
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

function parseIntent(line: string): { id: string; intent: SendIntent } | undefined {
  try {
    const { id, texts, at } = JSON.parse(line) as { id?: unknown; texts?: unknown; at?: unknown };
    if (typeof id === 'string' && Array.isArray(texts) && texts.every((t) => typeof t === 'string') && typeof at === 'string') return { id, intent: { texts, at } };
  } catch {
    // not JSON
  }
  return undefined;
}
