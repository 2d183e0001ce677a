// Latency summary used by the bench output.

/** p50/p90/p99/max/mean of `samples` in milliseconds, rounded to microseconds. */
export function percentiles(samples: readonly number[]): { p50: number; p90: number; p99: number; max: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const r = (n: number): number => Math.round(n * 1000) / 1000;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return { p50: r(at(0.5)), p90: r(at(0.9)), p99: r(at(0.99)), max: r(sorted[sorted.length - 1] ?? 0), mean: r(mean) };
}
