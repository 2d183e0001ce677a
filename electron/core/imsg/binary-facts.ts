// What one `imsg --version` and one `imsg rpc --help` said about a binary, kept per file (real
// path + mtime + size) and environment, so account starts, restarts and permission checks share
// one run of each; an upgrade in place (new mtime or size) asks again. With a `file`, definite
// answers also survive an app restart (a login item starts every day with the same imsg).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { checkRpcSupport, FIRST_RPC_VERSION, parseVersion, RPC_UNSUPPORTED_ERROR, type RpcSupport, versionBefore } from './rpc-support.js';
import { runBounded } from './run-bounded.js';

/** The answers for one binary. */
export interface BinaryFacts {
  readonly version?: string;
  readonly support: RpcSupport;
}

/** Keyed by {@link factsKey}; a run in flight is shared, only definite answers stay. */
const cache = new Map<string, Promise<BinaryFacts>>();

/** The file behind `binaryPath` (symlinks resolved, as brew links imsg) with its mtime and size. */
export async function binaryIdentity(binaryPath: string): Promise<string | undefined> {
  try {
    const real = await fs.realpath(binaryPath);
    const st = await fs.stat(real);
    return `${real}\0${st.mtimeMs}\0${st.size}`;
  } catch {
    return undefined;
  }
}

// imsg reads IMSG_VERSION (and a wrapper script anything): a different environment asks again.
function envKey(env: NodeJS.ProcessEnv): string {
  return JSON.stringify(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Supported or definitely not: worth keeping. A timeout or a failed run is asked again next time. */
function definite(facts: BinaryFacts): boolean {
  return facts.support.supported || facts.support.fatal;
}

async function runBoth(binaryPath: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<BinaryFacts> {
  // Independent questions: side by side, one timeout's wait instead of two.
  const [versionRun, support] = await Promise.all([runBounded(binaryPath, ['--version'], env, timeoutMs), checkRpcSupport(binaryPath, env, timeoutMs)]);
  const version = parseVersion(versionRun.output);
  const tooOld = version !== undefined && versionBefore(version, FIRST_RPC_VERSION);
  return { ...(version ? { version } : {}), support: tooOld ? { supported: false, fatal: true, error: RPC_UNSUPPORTED_ERROR } : support };
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

async function store(file: string, hash: string, facts: BinaryFacts): Promise<void> {
  const entries = { ...(await readStored(file)), [hash]: { ...facts, at: new Date().toISOString() } };
  const newest = Object.entries(entries).sort(([, a], [, b]) => (a.at < b.at ? 1 : -1)).slice(0, FILE_ENTRIES);
  await writeFileAtomic(file, `${JSON.stringify(Object.fromEntries(newest))}\n`);
}

/** The version and rpc support of `binaryPath` (run once per binary file and environment; kept in `file` when given). */
export async function binaryFacts(binaryPath: string, env: NodeJS.ProcessEnv, timeoutMs: number, file?: string): Promise<BinaryFacts> {
  const id = await binaryIdentity(binaryPath);
  if (id === undefined) return runBoth(binaryPath, env, timeoutMs);
  const key = `${id}\0${envKey(env)}`;
  const known = cache.get(key);
  if (known) return known;
  // Hashed: the environment may hold secrets, the file needs only to recognise it.
  const hash = createHash('sha256').update(key).digest('hex');
  const run = (async (): Promise<BinaryFacts> => {
    const saved = file ? (await readStored(file))[hash] : undefined;
    if (saved && Date.now() - Date.parse(saved.at) < STORED_FACTS_MAX_AGE_MS) return { ...(saved.version ? { version: saved.version } : {}), support: saved.support };
    const facts = await runBoth(binaryPath, env, timeoutMs);
    // A failed write only costs the next start a run of each.
    if (file && definite(facts)) await store(file, hash, facts).catch(() => undefined);
    return facts;
  })();
  cache.set(key, run);
  const facts = await run.catch((err: unknown) => {
    cache.delete(key);
    throw err;
  });
  if (!definite(facts) && cache.get(key) === run) cache.delete(key);
  return facts;
}

/** Forget every cached answer (tests, and a manual "check again" after an upgrade we cannot see). */
export function forgetBinaryFacts(): void {
  cache.clear();
}
