// What one `imsg --version` and one `imsg rpc --help` said about a binary, kept per file (real
// path + mtime + size) and environment, so account starts, restarts and permission checks share
// one run of each; an upgrade in place (new mtime or size) asks again. With a `file`, definite
// answers also survive an app restart (a login item starts every day with the same imsg).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { type BinaryFacts, readStoredFacts, storeFacts } from './binary-facts-file.js';
import { checkRpcSupport, FIRST_RPC_VERSION, parseVersion, RPC_UNSUPPORTED_ERROR, versionBefore } from './rpc-support.js';
import { runBounded } from './run-bounded.js';

export type { BinaryFacts } from './binary-facts-file.js';
export { STORED_FACTS_MAX_AGE_MS } from './binary-facts-file.js';

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

/** The memory key and the file's hash of it (hashed: the environment may hold secrets). */
async function factsKey(binaryPath: string, env: NodeJS.ProcessEnv): Promise<{ key: string; hash: string } | undefined> {
  const id = await binaryIdentity(binaryPath);
  if (id === undefined) return undefined;
  const key = `${id}\0${envKey(env)}`;
  return { key, hash: createHash('sha256').update(key).digest('hex') };
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

/** Run `ask` once per key (shared while in flight), keep definite answers in memory and `file`. */
async function remembered(binaryPath: string, env: NodeJS.ProcessEnv, file: string | undefined, ask: () => Promise<BinaryFacts>): Promise<BinaryFacts> {
  const k = await factsKey(binaryPath, env);
  if (k === undefined) return ask();
  const known = cache.get(k.key);
  if (known) return known;
  const run = (async (): Promise<BinaryFacts> => {
    const saved = file ? await readStoredFacts(file, k.hash) : undefined;
    if (saved) return saved;
    const facts = await ask();
    // A failed write only costs the next start a run of each.
    if (file && definite(facts)) await storeFacts(file, k.hash, facts).catch(() => undefined);
    return facts;
  })();
  cache.set(k.key, run);
  const facts = await run.catch((err: unknown) => {
    cache.delete(k.key);
    throw err;
  });
  if (!definite(facts) && cache.get(k.key) === run) cache.delete(k.key);
  return facts;
}

/** The version and rpc support of `binaryPath` (run once per binary file and environment; kept in `file` when given). */
export function binaryFacts(binaryPath: string, env: NodeJS.ProcessEnv, timeoutMs: number, file?: string): Promise<BinaryFacts> {
  return remembered(binaryPath, env, file, () => runBoth(binaryPath, env, timeoutMs));
}

/** What is known of `binaryPath` already (this process, or `file`), without running anything. */
export async function knownBinaryFacts(binaryPath: string, env: NodeJS.ProcessEnv, file?: string): Promise<BinaryFacts | undefined> {
  const k = await factsKey(binaryPath, env);
  if (k === undefined) return undefined;
  const known = cache.get(k.key);
  if (known) return known.catch(() => undefined);
  return file ? readStoredFacts(file, k.hash) : undefined;
}

/**
 * An `imsg rpc` session of `binaryPath` answered, so rpc is supported: keep that, with the
 * version `--version` prints (asked here, once; `version` when the session told it already).
 */
export function learnSupported(binaryPath: string, env: NodeJS.ProcessEnv, timeoutMs: number, file?: string, version?: string): Promise<BinaryFacts> {
  return remembered(binaryPath, env, file, async () => {
    const told = version ?? parseVersion((await runBounded(binaryPath, ['--version'], env, timeoutMs)).output);
    return { ...(told ? { version: told } : {}), support: { supported: true, fatal: false } };
  });
}

/** Forget every cached answer (tests, and a manual "check again" after an upgrade we cannot see). */
export function forgetBinaryFacts(): void {
  cache.clear();
}
