// Apple nanosecond dates ↔ ISO 8601 with milliseconds (spec §4.2).
import { describe, expect, it } from 'vitest';
import { appleNsToIso, isoToAppleNs, nowAppleNs, unixMsToAppleNs } from './db/apple-time.js';

describe('apple time', () => {
  it('prints NULL as the Apple epoch and always three fractional digits', () => {
    expect(appleNsToIso(null)).toBe('2001-01-01T00:00:00.000Z');
    expect(appleNsToIso(0n)).toBe('2001-01-01T00:00:00.000Z');
    expect(appleNsToIso(1_000_000_000n)).toBe('2001-01-01T00:00:01.000Z');
  });

  it('converts nanoseconds beyond 2^53 exactly, truncating to the millisecond', () => {
    const ns = unixMsToAppleNs(Date.parse('2026-05-16T12:34:56.789Z')) + 999_999n;
    expect(ns > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(appleNsToIso(ns)).toBe('2026-05-16T12:34:56.789Z');
  });

  it('parses ISO with and without fractions and with any offset', () => {
    const base = unixMsToAppleNs(Date.parse('2026-05-16T10:00:00Z'));
    expect(isoToAppleNs('2026-05-16T10:00:00Z')).toBe(base);
    expect(isoToAppleNs('2026-05-16T12:00:00+02:00')).toBe(base);
    expect(isoToAppleNs('2026-05-16T10:00:00.250Z')).toBe(base + 250_000_000n);
  });

  it.each(['bad', '2026-05-16', '2026-02-31T00:00:00Z', '2026-05-16T25:00:00Z', '2026-05-16 10:00:00Z'])('rejects %s', (value) => {
    expect(isoToAppleNs(value)).toBeUndefined();
  });

  it('hands out strictly increasing "now" values', () => {
    const a = nowAppleNs();
    const b = nowAppleNs();
    expect(b > a).toBe(true);
    expect(Math.abs(Date.parse(appleNsToIso(a)) - Date.now())).toBeLessThan(5000);
  });
});
