// Restart delays for a dead or wedged `imsg rpc` (channel spec §0.5): capped doubling with jitter.

/** Backoff tuning; the defaults are the product's (5 s doubling to 5 min, 10 % jitter). */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Up to this fraction of the delay is added at random, so accounts don't restart in lockstep. */
  readonly jitterRatio: number;
  /** A run that stayed up this long resets the attempt counter. */
  readonly stableMs: number;
}

/** The product defaults of channel spec §0 decision 5. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 300_000, jitterRatio: 0.1, stableMs: 60_000 };

/** Delay before restart attempt `attempt` (1-based): base × 2^(attempt−1), capped, plus jitter, capped again. */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const raw = Math.min(opts.baseMs * 2 ** exponent, opts.maxMs);
  return Math.min(Math.round(raw * (1 + opts.jitterRatio * random())), opts.maxMs);
}
