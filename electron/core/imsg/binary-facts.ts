// What one `imsg --version` and one `imsg rpc --help` said about a binary, kept per file (real
// path + mtime + size) and environment, so account starts, restarts and permission checks share
// one run of each; an upgrade in place (new mtime or size) asks again.
import { promises as fs } from 'node:fs';
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

/** The version and rpc support of `binaryPath` (run once per binary file and environment). */
export async function binaryFacts(binaryPath: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<BinaryFacts> {
  const id = await binaryIdentity(binaryPath);
  if (id === undefined) return runBoth(binaryPath, env, timeoutMs);
  const key = `${id}\0${envKey(env)}`;
  const known = cache.get(key);
  if (known) return known;
  const run = runBoth(binaryPath, env, timeoutMs);
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
