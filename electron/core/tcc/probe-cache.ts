// Reuse one imsg probe per account for a while: the UI re-checks every few seconds, and a probe
// spawns imsg (version, rpc --help, a test request). A new cliPath or dbPath probes again at once.
import type { ProbeOptions, ProbeResult } from '../imsg/probe.js';

/** One probe, running or finished. */
export interface ProbeEntry {
  readonly key: string;
  readonly promise: Promise<ProbeResult>;
  /** When it finished (ms), undefined while running. */
  at: number | undefined;
  result: ProbeResult | undefined;
}

/** A probe that records its result and end time when it settles. */
class ProbeRun implements ProbeEntry {
  at: number | undefined;
  result: ProbeResult | undefined;
  readonly promise: Promise<ProbeResult>;

  constructor(readonly key: string, run: Promise<ProbeResult>, now: () => number) {
    this.promise = run.then((result) => {
      this.result = result;
      this.at = now();
      return result;
    });
  }
}

/** Per-account cache of probe runs; a running probe is shared, a finished one lives `ttlMs`. */
export class ProbeCache {
  readonly #entries = new Map<string, ProbeEntry>();

  constructor(
    private readonly probe: (opts: ProbeOptions) => Promise<ProbeResult>,
    private readonly opts: { ttlMs: number; now: () => number },
  ) {}

  /** The account's current probe, starting one when none is fresh for these options. */
  get(accountId: string, options: ProbeOptions): ProbeEntry {
    const key = JSON.stringify([options.cliPath, options.dbPath ?? null, options.timeoutMs ?? null]);
    const cached = this.#entries.get(accountId);
    // The age counts from the end, so a probe slower than the TTL is not immediately restarted.
    if (cached && cached.key === key && (cached.at === undefined || this.opts.now() - cached.at < this.opts.ttlMs)) return cached;
    const run = Promise.resolve()
      .then(() => this.probe(options))
      .catch((err: unknown): ProbeResult => ({ ok: false, fatal: false, error: err instanceof Error ? err.message : String(err), durationMs: 0 }));
    const entry = new ProbeRun(key, run, this.opts.now);
    this.#entries.set(accountId, entry);
    return entry;
  }

  /** The entry's result, waiting at most `waitMs` for a running probe (undefined when still running). */
  async settled(entry: ProbeEntry, waitMs: number): Promise<ProbeResult | undefined> {
    if (entry.result) return entry.result;
    let timer: NodeJS.Timeout | undefined;
    const wait = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), Math.max(0, waitMs));
    });
    try {
      return await Promise.race([entry.promise, wait]);
    } finally {
      clearTimeout(timer);
    }
  }
}
