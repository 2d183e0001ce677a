// Does this imsg have the `rpc` subcommand? (channel spec §3 step 3, plus a version floor.)
import { mentionsRpcUnsupported } from './error-text.js';
import { runBounded } from './run-bounded.js';

/** The reference's fatal probe text. */
export const RPC_UNSUPPORTED_ERROR = 'imsg CLI does not support the "rpc" subcommand (update imsg)';

/** `imsg rpc` appeared in 0.3.0 (imsg-rpc.md §8). */
export const FIRST_RPC_VERSION: readonly [number, number, number] = [0, 3, 0];

/** Result of the support check. */
export interface RpcSupport {
  supported: boolean;
  fatal: boolean;
  error?: string;
}

/** First line of `--version` output when it is a semver (a leading `v` is dropped). */
export function parseVersion(output: string): string | undefined {
  const first = output.split('\n')[0]?.trim() ?? '';
  return /^v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/.exec(first)?.[1];
}

/** True when `version` is older than major.minor.patch `floor`. */
export function versionBefore(version: string, floor: readonly [number, number, number]): boolean {
  const parts = version.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i += 1) {
    const a = parts[i] ?? 0;
    const b = floor[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false;
}

/** Run `<binary> rpc --help` and decide; unsupported output is fatal, other failures are not (cached in binary-facts.ts). */
export async function checkRpcSupport(binaryPath: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RpcSupport> {
  const run = await runBounded(binaryPath, ['rpc', '--help'], env, timeoutMs);
  if (run.timedOut) return { supported: false, fatal: false, error: `imsg rpc --help timed out after ${timeoutMs} ms` };
  if (run.error) return { supported: false, fatal: false, error: run.error };
  let answer: RpcSupport | undefined;
  if (mentionsRpcUnsupported(run.output)) answer = { supported: false, fatal: true, error: RPC_UNSUPPORTED_ERROR };
  else if (run.exitCode === 0) answer = { supported: true, fatal: false };
  return answer ?? { supported: false, fatal: false, error: run.output || `imsg rpc --help failed (code ${run.exitCode ?? 'none'})` };
}
