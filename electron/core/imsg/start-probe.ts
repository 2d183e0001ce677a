// An account start's probe (channel spec §3) that does not make a healthy start wait for the
// binary checks: the rpc session is asked at once, and `--version` / `rpc --help` run only when
// nothing is known of the binary yet and the session fails or stays silent for a while (to tell
// a fatal "no rpc" from a slow start). A session that answered proves rpc; the version is then
// learned once, after the start (learnVersion), and kept with the binary's other facts.
import { type BinaryFacts, knownBinaryFacts, learnSupported } from './binary-facts.js';
import type { ProbeClient, ProbeFields, ProbeOptions } from './probe.js';
import { checkBinary, probeSession } from './probe.js';
import { findBinary } from './find-binary.js';
import { buildSpawnEnv } from './spawn-env.js';

/** A silent first session this long (no facts known) starts the binary checks beside it. */
export const CHECKS_AFTER_MS = 1000;

/** What {@link startProbe} found. */
export interface StartProbeOutcome {
  readonly fields: ProbeFields;
  /** The session answered: keep watching with it. */
  readonly ok: boolean;
  /** Set when the version is not known yet: learns (and keeps) it; call once the start is done. */
  readonly learnVersion?: () => Promise<BinaryFacts>;
}

type Checks = Awaited<ReturnType<typeof checkBinary>>;

/** Probe with `client` (started here; the caller stops it unless `ok`). */
export async function startProbe(opts: ProbeOptions, client: ProbeClient): Promise<StartProbeOutcome> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const env = buildSpawnEnv(opts.env ?? process.env);
  const binaryPath = await findBinary(opts.cliPath, env);
  const known = binaryPath ? await knownBinaryFacts(binaryPath, env, opts.binaryFactsFile) : undefined;
  // Not found, or known to lack rpc: checkBinary says so without running anything new.
  if (!binaryPath || (known && !known.support.supported)) return { fields: (await checkBinary(opts)).fields, ok: false };
  const checked = { binaryPath, ...(known?.version ? { version: known.version } : {}), fatal: false, rpcSupported: true } as const;
  const session = probeSession(client, checked, timeoutMs, opts.diagnosis);
  let checks: Promise<Checks> | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (!known) {
    const early = new Promise<Checks>((resolve) => {
      timer = setTimeout(() => resolve((checks = checkBinary(opts))), CHECKS_AFTER_MS);
    });
    // A fatal answer of the checks ends a session that is still silent (an imsg without rpc may wait on stdin).
    const first = await Promise.race([session.then((s) => ({ s })), early.then((c) => ({ c }))]);
    if ('c' in first && !first.c.checked) return { fields: first.c.fields, ok: false };
  }
  const fields = await session;
  clearTimeout(timer);
  if (fields.ok) {
    const version = fields.version;
    return { fields, ok: true, ...(known ? {} : { learnVersion: () => learnSupported(binaryPath, env, timeoutMs, opts.binaryFactsFile, version) }) };
  }
  if (known) return { fields, ok: false };
  // Nothing known and the session failed: is it the binary (no rpc, too old)? Else the session's cause stands.
  const verdict = await (checks ?? checkBinary(opts));
  return { fields: verdict.checked ? fields : verdict.fields, ok: false };
}
