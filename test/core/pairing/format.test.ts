import { describe, expect, it } from 'vitest';
import { formatDuration, formatPendingTable, formatTable } from '../../../electron/core/pairing/format.js';

describe('formatDuration', () => {
  it.each([
    [-5_000, '0s'],
    [0, '0s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [59 * 60_000 + 59_000, '59m'],
    [3_600_000, '1h'],
    [3_600_000 + 3 * 60_000, '1h 3m'],
  ])('%i ms → %s', (ms, want) => {
    expect(formatDuration(ms)).toBe(want);
  });
});

describe('tables', () => {
  it('pads every column but the last', () => {
    expect(formatTable([['A', 'B'], ['long', 'x']])).toBe('A     B\nlong  x\n');
  });

  it('shows age and time left for each request', () => {
    const now = Date.parse('2026-01-01T00:10:00.000Z');
    const req = { id: '+1555', code: 'ABCDEFGH', accountId: 'work', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T01:00:00.000Z', lastSeenAt: '2026-01-01T00:05:00.000Z', meta: {} };
    const [header, row] = formatPendingTable([req], now).split('\n');
    expect(header).toBe('CODE      SENDER  ACCOUNT  REQUESTED  EXPIRES');
    expect(row).toBe('ABCDEFGH  +1555   work     10m ago    in 50m');
    const named = formatPendingTable([{ ...req, contactName: 'Carol\u001b[2J Diaz' }], now).split('\n')[1];
    expect(named).toBe('ABCDEFGH  +1555 (Carol\\e[2J Diaz)  work     10m ago    in 50m');
  });
});
