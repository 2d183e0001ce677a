// The last probe per (cliPath, dbPath) in this process, running or finished, so the permission
// rows reuse the probe an account start just ran instead of spawning a second imsg session.
import { probeImsg, type ProbeOptions, type ProbeResult } from './probe.js';

/** How long a finished probe stands in for a new one. */
export const RECENT_PROBE_MS = 30_000;

const recent = new Map<string, { promise: Promise<ProbeResult>; at: number | undefined }>();

const keyOf = (opts: Pick<ProbeOptions, 'cliPath' | 'dbPath'>): string => JSON.stringify([opts.cliPath, opts.dbPath ?? null]);

/** Record a probe (e.g. the supervisor's start session) for {@link sharedProbe} to reuse. */
export function publishProbe(opts: Pick<ProbeOptions, 'cliPath' | 'dbPath'>, promise: Promise<ProbeResult>): void {
  const entry: { promise: Promise<ProbeResult>; at: number | undefined } = { promise, at: undefined };
  recent.set(keyOf(opts), entry);
  promise.then(
    () => (entry.at = Date.now()),
    () => recent.get(keyOf(opts)) === entry && recent.delete(keyOf(opts)),
  );
}

/** A probe running now or finished within `maxAgeMs` for these options, else a new {@link probeImsg}. */
export function sharedProbe(opts: ProbeOptions, maxAgeMs = RECENT_PROBE_MS): Promise<ProbeResult> {
  const entry = recent.get(keyOf(opts));
  if (entry && (entry.at === undefined || Date.now() - entry.at < maxAgeMs)) return entry.promise;
  return probeImsg(opts);
}
