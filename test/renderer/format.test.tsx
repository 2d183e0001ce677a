// @vitest-environment jsdom
// Relative time and countdown words, the probe line, and the activity filter predicate.
import { describe, expect, it } from 'vitest';
import { probeNotice } from '../../renderer/src/actions/account-actions.js';
import { formatAgo, formatDuration, formatExpiry } from '../../renderer/src/format/time.js';
import { matchesFilter } from '../../renderer/src/stores/activity-store.js';
import { entry } from './fixtures.js';

const T = Date.parse('2026-03-01T10:00:00Z');
const at = (s: number) => new Date(T + s * 1000).toISOString();

describe('time words', () => {
  it('formats durations', () => {
    expect([0, 42, 60, 61, 119, 120, 3480, 3600, 3900, 7200].map(formatDuration)).toEqual(['0 s', '42 s', '1 min 0 s', '1 min 1 s', '1 min 59 s', '2 min', '58 min', '1 h', '1 h 5 min', '2 h']);
  });

  it('formats ages', () => {
    expect([-3, -45, -120, -7200, -172_800, 30].map((s) => formatAgo(at(s), T))).toEqual(['just now', '45 s ago', '2 min ago', '2 h ago', '2 d ago', 'just now']);
    expect(formatAgo('nonsense', T)).toBe('at an unknown time');
  });

  it('formats the pairing expiry', () => {
    expect(formatExpiry(at(3480), T)).toBe('expires in 58 min');
    expect(formatExpiry(at(0), T)).toBe('expired');
    expect(formatExpiry(at(-5), T)).toBe('expired');
  });
});

describe('probeNotice', () => {
  it('says when imsg has no RPC support', () => {
    expect(probeNotice({ ok: true, fatal: false, version: '0.3.0', rpcSupported: false, durationMs: 5 })).toEqual({ tone: 'ok', text: 'Probe OK: imsg 0.3.0, without RPC support (5 ms)' });
  });
});

describe('matchesFilter', () => {
  it('counts replies as answered and pairing events as pairing', () => {
    expect(matchesFilter(entry({ kind: 'reply', decision: undefined }), 'answered', '')).toBe(true);
    expect(matchesFilter(entry({ kind: 'pairing', decision: undefined }), 'pairing', '')).toBe(true);
    expect(matchesFilter(entry(), 'answered', '')).toBe(false);
  });

  it('matches text in sender, preview, reason and detail, case-insensitively', () => {
    expect(matchesFilter(entry(), 'all', 'NO MENTION')).toBe(true);
    expect(matchesFilter(entry({ detail: 'approved +1555' }), 'all', 'approved')).toBe(true);
    expect(matchesFilter(entry(), 'all', 'zzz')).toBe(false);
  });
});
