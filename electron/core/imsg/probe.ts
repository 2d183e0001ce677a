// Is imsg usable? Found, new enough, has `rpc`, and answers a request (channel spec §3).
import { classifyImsgError, type ImsgCause } from './classify-error.js';
import { detectFeatures, type ImsgFeatures } from './features.js';
import { findBinary } from './find-binary.js';
import { ImsgClient } from './rpc-client.js';
import { checkRpcSupport, FIRST_RPC_VERSION, parseVersion, RPC_UNSUPPORTED_ERROR, versionBefore } from './rpc-support.js';
import { runBounded } from './run-bounded.js';
import { buildSpawnEnv } from './spawn-env.js';

/** What the probe found; `fatal` means retrying cannot help (the binary lacks `rpc`). */
export interface ProbeResult {
  ok: boolean;
  fatal: boolean;
  binaryPath?: string;
  version?: string;
  rpcSupported?: boolean;
  protocol?: 'legacy' | 'v1';
  methods?: readonly string[];
  error?: string;
  cause?: ImsgCause;
  durationMs: number;
}

/** Inputs of {@link probeImsg}. */
export interface ProbeOptions {
  cliPath: string;
  dbPath?: string;
  /** Per step (each command, and the first request), default 10 000 ms. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

type ProbeFields = Omit<ProbeResult, 'durationMs'>;

function failure(error: string, rest: Omit<ProbeFields, 'ok' | 'error' | 'cause'>, cause: ImsgCause = classifyImsgError(new Error(error))): ProbeFields {
  return { ...rest, ok: false, error, cause };
}

/** Run the probe; never throws, always stops the client it started. */
export async function probeImsg(opts: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  let result: ProbeFields;
  try {
    result = await probeSteps(opts);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    result = { ok: false, fatal: false, error, cause: classifyImsgError(err) };
  }
  return { ...result, durationMs: Date.now() - started };
}

async function probeSteps(opts: ProbeOptions): Promise<ProbeFields> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const env = buildSpawnEnv(opts.env ?? process.env);
  const binaryPath = await findBinary(opts.cliPath, env);
  if (!binaryPath) return failure(`imsg not found (${opts.cliPath})`, { fatal: false });
  const versionRun = await runBounded(binaryPath, ['--version'], env, timeoutMs);
  const version = parseVersion(versionRun.output);
  const found = { binaryPath, ...(version ? { version } : {}) };
  if (version && versionBefore(version, FIRST_RPC_VERSION)) return failure(RPC_UNSUPPORTED_ERROR, { ...found, fatal: true, rpcSupported: false });
  const support = await checkRpcSupport(binaryPath, env, timeoutMs);
  if (!support.supported) return failure(support.error ?? RPC_UNSUPPORTED_ERROR, { ...found, fatal: support.fatal, rpcSupported: false });
  const checked = { ...found, fatal: false, rpcSupported: true };
  const client = new ImsgClient({ cliPath: binaryPath, dbPath: opts.dbPath, env: opts.env, requestTimeoutMs: timeoutMs, firstRequestTimeoutMs: timeoutMs });
  try {
    await client.start();
    const features: ImsgFeatures = await detectFeatures(client, { timeoutMs });
    await client.request('chats.list', { limit: 1 }, { timeoutMs });
    return { ...checked, ok: true, ...features, version: features.version ?? version };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return { ...checked, ok: false, error, cause: classifyImsgError(err, { stderrTail: client.stderrTail() }) };
  } finally {
    await client.stop();
  }
}
