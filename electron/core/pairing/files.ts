// Reading and writing the pairing files: typed errors for corrupt files, atomic 0600 writes,
// and a stat-keyed cache for the lists the decision path reads on every message.
import { promises as fs, statSync } from 'node:fs';
import type { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { allowFromFileSchema, blockedFileSchema, describeIssues, pairingFileSchema, type ListKind, type StoredRequest } from './schema.js';

/** A pairing file that cannot be used (bad JSON, wrong shape, unreadable); it is left untouched. */
export class PairingStoreError extends Error {
  constructor(
    /** The file at fault. */
    readonly file: string,
    /** What is wrong with it. */
    readonly problem: string,
  ) {
    super(`Pairing store file ${file} is corrupt: ${problem}. It was left untouched; fix or remove it (no pairing changes are saved until then).`);
    this.name = 'PairingStoreError';
  }
}

/** Parse `file` with `schema`; undefined when it does not exist. */
export async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new PairingStoreError(file, `cannot be read (${code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PairingStoreError(file, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new PairingStoreError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

/** The pending requests in `file` (none when it does not exist). */
export async function readRequests(file: string): Promise<StoredRequest[]> {
  return (await readJson(file, pairingFileSchema))?.requests ?? [];
}

/** The non-blank entries of a sender list file (none when it does not exist). */
export async function readList(file: string, kind: ListKind): Promise<string[]> {
  const entries = kind === 'allowFrom' ? (await readJson(file, allowFromFileSchema))?.allowFrom : (await readJson(file, blockedFileSchema))?.blocked;
  return (entries ?? []).filter((e) => e !== '');
}

/** Atomically replace `file` with `value` as JSON, mode 0600. */
export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

/** Atomically write a sender list file of `kind`. */
export async function writeList(file: string, kind: ListKind, entries: readonly string[]): Promise<void> {
  await writeJson(file, { version: 1, [kind]: entries });
}

/** Re-reads a list file only when its inode, mtime or size changed (the per-message read path). */
export class CachedListReader {
  private readonly cache = new Map<string, { key: string; entries: string[] }>();

  /** The entries of `file`, from cache when the file is unchanged. Corrupt files always throw. */
  async read(file: string, kind: ListKind): Promise<string[]> {
    let st: ReturnType<typeof statSync>;
    try {
      // Synchronous on purpose: this runs for every inbound message, and an async stat waits in
      // libuv's 4-thread pool behind journal fsyncs (milliseconds); a local stat takes microseconds.
      // A missing file (the usual case) returns undefined instead of throwing: no error to build.
      st = statSync(file, { bigint: true, throwIfNoEntry: false });
    } catch (err) {
      throw new PairingStoreError(file, `cannot be read (${(err as NodeJS.ErrnoException).code})`);
    }
    if (!st) {
      this.cache.delete(file);
      return [];
    }
    const key = `${st.ino}:${st.mtimeNs}:${st.size}`;
    const hit = this.cache.get(file);
    if (hit?.key === key) return [...hit.entries];
    const entries = await readList(file, kind);
    this.cache.set(file, { key, entries });
    return [...entries];
  }
}
