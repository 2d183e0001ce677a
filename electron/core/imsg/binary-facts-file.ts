// The on-disk side of binary-facts.ts: definite answers per binary, hashed key, newest 16 kept.
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { RpcSupport } from './rpc-support.js';

/** The answers for one binary. */
export interface BinaryFacts {
  readonly version?: string;
  readonly support: RpcSupport;
}

/** Entries kept in the file: one per imsg build and environment seen lately. */
const FILE_ENTRIES = 16;

/** A stored answer is trusted this long: a wrapper script (imsg over SSH) keeps its mtime when the imsg behind it changes. */
export const STORED_FACTS_MAX_AGE_MS = 24 * 3600_000;

type Stored = Record<string, BinaryFacts & { at: string }>;

function isFacts(v: unknown): v is BinaryFacts & { at: string } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const support = o.support as Record<string, unknown> | undefined;
  return (o.version === undefined || typeof o.version === 'string') && typeof o.at === 'string' && typeof support === 'object' && support !== null && typeof support.supported === 'boolean' && typeof support.fatal === 'boolean' && (support.error === undefined || typeof support.error === 'string');
}

/** The file's entries; anything unreadable counts as empty (it is only a cache: asking again is correct). */
async function readStored(file: string): Promise<Stored> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isFacts(v))) as Stored;
  } catch {
    return {};
  }
}

/** The stored answer under `hash` when younger than {@link STORED_FACTS_MAX_AGE_MS}. */
export async function readStoredFacts(file: string, hash: string): Promise<BinaryFacts | undefined> {
  const saved = (await readStored(file))[hash];
  if (!saved || Date.now() - Date.parse(saved.at) >= STORED_FACTS_MAX_AGE_MS) return undefined;
  return { ...(saved.version ? { version: saved.version } : {}), support: saved.support };
}

/** Keep `facts` under `hash` (atomic rewrite; the oldest entries beyond 16 go). */
export async function storeFacts(file: string, hash: string, facts: BinaryFacts): Promise<void> {
  const entries = { ...(await readStored(file)), [hash]: { ...facts, at: new Date().toISOString() } };
  const newest = Object.entries(entries).sort(([, a], [, b]) => (a.at < b.at ? 1 : -1)).slice(0, FILE_ENTRIES);
  await writeFileAtomic(file, `${JSON.stringify(Object.fromEntries(newest))}\n`);
}
