// Is imsg usable? Found, new enough, has `rpc`, and answers a request (channel spec §3).
import { classifyImsgError, type ImsgCause } from './classify-error.js';
import { binaryFacts } from './binary-facts.js';
import type { DiagnosisContext } from './diagnose.js';
import type { RpcClientPort } from './client-port.js';
import { detectFeatures, type ImsgFeatures } from './features.js';
import { findBinary } from './find-binary.js';
import { ImsgClient } from './rpc-client.js';
import { RPC_UNSUPPORTED_ERROR } from './rpc-support.js';
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
  /** Keep what `--version` / `rpc --help` said in this file across app restarts (binary-facts.ts). */
  binaryFactsFile?: string;
  /** The account's dbPath and SSH host: failures are worded for them. */
  diagnosis?: DiagnosisContext;
}

/** A probe result without its duration. */
export type ProbeFields = Omit<ProbeResult, 'durationMs'>;

function failure(error: string, rest: Omit<ProbeFields, 'ok' | 'error' | 'cause'>, diagnosis: DiagnosisContext | undefined): ProbeFields {
  return { ...rest, ok: false, error, cause: classifyImsgError(new Error(error), diagnosis) };
}

/** Run the probe; never throws, always stops the client it started. */
export async function probeImsg(opts: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  let result: ProbeFields;
  try {
    result = await probeSteps(opts);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    result = { ok: false, fatal: false, error, cause: classifyImsgError(err, opts.diagnosis) };
  }
  return { ...result, durationMs: Date.now() - started };
}

/** Steps 1-3 (found, version, rpc support), without a session; `checked` is set when a session may follow. */
export async function checkBinary(opts: ProbeOptions): Promise<{ fields: ProbeFields; checked?: BinaryChecked }> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const env = buildSpawnEnv(opts.env ?? process.env);
  const binaryPath = await findBinary(opts.cliPath, env);
  if (!binaryPath) return { fields: failure(`imsg not found (${opts.cliPath})`, { fatal: false }, opts.diagnosis) };
  const facts = await binaryFacts(binaryPath, env, timeoutMs, opts.binaryFactsFile);
  const found = { binaryPath, ...(facts.version ? { version: facts.version } : {}) };
  if (!facts.support.supported) return { fields: failure(facts.support.error ?? RPC_UNSUPPORTED_ERROR, { ...found, fatal: facts.support.fatal, rpcSupported: false }, opts.diagnosis) };
  const checked = { ...found, fatal: false, rpcSupported: true } as const;
  return { fields: { ...checked, ok: true }, checked };
}

/** What {@link checkBinary} established before a session. */
export type BinaryChecked = Pick<ProbeFields, 'binaryPath' | 'version'> & { fatal: false; rpcSupported: true };

/**
 * Step 4 on `client`: start it, detect the protocol (`initialize`), and one `chats.list`. The
 * client is left running either way (the caller stops it, or keeps watching with it).
 */
export async function probeSession(client: ProbeClient, checked: BinaryChecked, timeoutMs = 10_000, diagnosis?: DiagnosisContext): Promise<ProbeFields> {
  try {
    await client.start();
    const features: ImsgFeatures = await detectFeatures(client, { timeoutMs });
    await client.request('chats.list', { limit: 1 }, { timeoutMs });
    return { ...checked, ok: true, ...features, version: features.version ?? checked.version };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return { ...checked, ok: false, error, cause: classifyImsgError(err, { ...diagnosis, stderrTail: client.stderrTail() }) };
  }
}

/** The client slice a probe session uses (ImsgClient and the supervisor's clients fit). */
export type ProbeClient = Pick<RpcClientPort, 'start' | 'request' | 'stderrTail'>;

async function probeSteps(opts: ProbeOptions): Promise<ProbeFields> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const { fields, checked } = await checkBinary(opts);
  if (!checked) return fields;
  const client = new ImsgClient({ cliPath: checked.binaryPath as string, dbPath: opts.dbPath, env: opts.env, requestTimeoutMs: timeoutMs, firstRequestTimeoutMs: timeoutMs });
  try {
    return await probeSession(client, checked, timeoutMs, opts.diagnosis);
  } finally {
    await client.stop();
  }
}
