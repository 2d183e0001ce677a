// Strangers who wrote while the pending-request cap was reached ("waiting, limit reached"): kept
// in their own file, so the OpenClaw-compatible imessage-pairing.json keeps its exact shape.
import { join } from 'node:path';
import { z } from 'zod';
import { promises as fs } from 'node:fs';
import { readJson, writeJson } from './files.js';
import { timestamp } from './schema.js';

/** One waiting stranger. */
export interface WaitingSender {
  /** Normalized sender (the future request id). */
  id: string;
  accountId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Messages received from them while waiting. */
  count: number;
  /** What the request will carry once a slot frees (sender, chatId, firstText, …). */
  meta: Record<string, string>;
}

const waitingFileSchema = z.object({
  version: z.literal(1),
  waiting: z.array(
    z.object({ id: z.string().min(1), accountId: z.string().min(1), firstSeenAt: timestamp, lastSeenAt: timestamp, count: z.number().int().min(1), meta: z.record(z.string(), z.string()) }),
  ),
});

/** `<credentials>/imessage-pairing-waiting.json`. */
export function waitingFile(credentialsDir: string): string {
  return join(credentialsDir, 'imessage-pairing-waiting.json');
}

/** The waiting senders in `file` (none when it does not exist); a corrupt file throws, untouched. */
export async function readWaiting(file: string): Promise<WaitingSender[]> {
  return (await readJson(file, waitingFileSchema))?.waiting ?? [];
}

/** Atomically write the waiting list (the file is removed when it becomes empty). */
export async function writeWaiting(file: string, waiting: readonly WaitingSender[]): Promise<void> {
  if (waiting.length === 0) await fs.rm(file, { force: true });
  else await writeJson(file, { version: 1, waiting });
}

/** Record (or count again) a stranger over the cap; returns their entry. Mutates `waiting`. */
export function noteWaiting(waiting: WaitingSender[], input: { id: string; accountId: string; at: string; meta: Record<string, string> }): WaitingSender {
  const existing = waiting.find((w) => w.accountId === input.accountId && w.id === input.id);
  if (existing) {
    existing.lastSeenAt = input.at;
    existing.count += 1;
    return existing;
  }
  const entry: WaitingSender = { id: input.id, accountId: input.accountId, firstSeenAt: input.at, lastSeenAt: input.at, count: 1, meta: input.meta };
  waiting.push(entry);
  return entry;
}
