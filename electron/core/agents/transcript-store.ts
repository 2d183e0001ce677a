// One transcript file per session key under `<stateDir>/transcripts`, written atomically and
// one turn at a time; a corrupt file is kept aside and reported, never silently replaced.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { TranscriptMessage } from './history-limit.js';
import { serialize } from './keyed-queue.js';

/** A loaded transcript, plus what went wrong when the file could not be used. */
export interface TranscriptLoad {
  readonly messages: TranscriptMessage[];
  readonly warning?: string;
}

/** The transcript file of `sessionKey`: a hash prefix (unique) and a readable slug (for humans). */
export function transcriptFile(stateDir: string, sessionKey: string): string {
  const hash = createHash('sha256').update(sessionKey).digest('hex').slice(0, 16);
  const slug = sessionKey.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return join(resolve(stateDir), 'transcripts', slug ? `${hash}-${slug}.json` : `${hash}.json`);
}

/** Why `text` is not a transcript, or its messages. */
function parseTranscript(text: string): TranscriptMessage[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  const messages = typeof value === 'object' && value !== null ? (value as { messages?: unknown }).messages : undefined;
  if (!Array.isArray(messages)) return 'messages: expected a list';
  const bad = messages.findIndex((m: unknown) => {
    const { role, content } = (typeof m === 'object' && m !== null ? m : {}) as { role?: unknown; content?: unknown };
    return (role !== 'user' && role !== 'assistant') || typeof content !== 'string';
  });
  if (bad !== -1) return `messages[${bad}]: expected {role: "user"|"assistant", content: string}`;
  return messages as TranscriptMessage[];
}

/** Transcripts of one state directory. */
export class TranscriptStore {
  constructor(
    private readonly stateDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Run `fn` as the only user of this session's transcript (in this process) until it settles. */
  withSession<T>(sessionKey: string, fn: () => Promise<T>): Promise<T> {
    return serialize(transcriptFile(this.stateDir, sessionKey), fn);
  }

  /**
   * Read a transcript: missing → empty; corrupt → renamed to `<file>.corrupt-<ms>` and empty with a
   * warning. An unreadable file (permissions) rejects, so nothing ever overwrites it.
   */
  async load(sessionKey: string): Promise<TranscriptLoad> {
    const file = transcriptFile(this.stateDir, sessionKey);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { messages: [] };
      throw new Error(`cannot read transcript ${file}: ${(err as Error).message}`);
    }
    const parsed = parseTranscript(text);
    if (typeof parsed !== 'string') return { messages: parsed };
    const aside = `${file}.corrupt-${this.now()}`;
    await fs.rename(file, aside);
    return { messages: [], warning: `transcript ${file} was corrupt (${parsed}); kept as ${aside}, the conversation starts fresh` };
  }

  /** Replace the transcript of `sessionKey` with `messages` (atomic, mode 0600). */
  async save(sessionKey: string, messages: readonly TranscriptMessage[]): Promise<void> {
    const body = { version: 1, sessionKey, updatedAt: new Date(this.now()).toISOString(), messages };
    await writeFileAtomic(transcriptFile(this.stateDir, sessionKey), `${JSON.stringify(body, null, 2)}\n`);
  }

  /** Forget a session: waits for a turn in flight, then removes its file (missing is fine). */
  clear(sessionKey: string): Promise<void> {
    return this.withSession(sessionKey, () => fs.rm(transcriptFile(this.stateDir, sessionKey), { force: true }));
  }
}
