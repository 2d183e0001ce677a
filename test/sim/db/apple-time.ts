// Apple timestamps: nanoseconds since 2001-01-01T00:00:00Z (spec §4.2).

const APPLE_EPOCH_UNIX_MS = 978_307_200_000n;
const NS_PER_MS = 1_000_000n;

/** Unix milliseconds → Apple nanoseconds. */
export function unixMsToAppleNs(unixMs: number): bigint {
  return (BigInt(Math.trunc(unixMs)) - APPLE_EPOCH_UNIX_MS) * NS_PER_MS;
}

// hrtime keeps successive `now` values strictly increasing within a process, so rows injected in
// the same millisecond still sort by date the way they were written.
const anchorWall = unixMsToAppleNs(Date.now());
const anchorHr = process.hrtime.bigint();
let lastNow = 0n;

/** The current time in Apple nanoseconds, strictly increasing within this process. */
export function nowAppleNs(): bigint {
  let now = anchorWall + (process.hrtime.bigint() - anchorHr);
  if (now <= lastNow) now = lastNow + 1n;
  lastNow = now;
  return now;
}

/** Floor division that also rounds negative values down (BigInt `/` truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** Apple nanoseconds (NULL → the Apple epoch) → ISO 8601 UTC with milliseconds, as imsg prints it. */
export function appleNsToIso(ns: bigint | number | null | undefined): string {
  let value = 0n;
  if (typeof ns === 'bigint') value = ns;
  else if (typeof ns === 'number' && Number.isFinite(ns)) value = BigInt(Math.trunc(ns));
  const unixMs = floorDiv(value, NS_PER_MS) + APPLE_EPOCH_UNIX_MS;
  const date = new Date(Number(unixMs));
  // Out-of-range dates would throw in toISOString; a corrupt row must not break a poll.
  return Number.isNaN(date.getTime()) ? new Date(Number(APPLE_EPOCH_UNIX_MS)).toISOString() : date.toISOString();
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parse an ISO 8601 internet date-time (fractional seconds optional, any offset) into Apple
 * nanoseconds, truncated to milliseconds like Foundation's formatter; undefined when invalid.
 */
export function isoToAppleNs(value: string): bigint | undefined {
  const m = ISO_RE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  // Date.UTC rolls 2026-02-31 over into March; Foundation rejects it.
  if (new Date(Date.UTC(Number(y), month - 1, day)).getUTCDate() !== day || month < 1 || month > 12) return undefined;
  const ms = frac ? Math.trunc(Number(`0${frac}`) * 1000) : 0;
  let unixMs = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    unixMs -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(unixMs) ? unixMsToAppleNs(unixMs) : undefined;
}
