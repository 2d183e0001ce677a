// Quiet hours: the window logic (midnight crossing, equal times = off, switched off), the next change,
// and the config validation naming notifications.quietHours.* with a plain message.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../electron/core/config/issues.js';
import { validateConfig } from '../../../electron/core/config/validate.js';
import { isQuietAt, isQuietMinute, lastQuietStart, minutesOf, nextQuietChange, type QuietHours } from '../../../electron/core/notifications/quiet-hours.js';

const at = (hhmm: string): number => minutesOf(hhmm);
/** A local date on 2026-03-10 at `hhmm` (plus seconds). */
const local = (hhmm: string, seconds = 0): Date => new Date(2026, 2, 10, Math.floor(at(hhmm) / 60), at(hhmm) % 60, seconds);

describe('isQuietMinute', () => {
  const night: QuietHours = { start: '22:00', end: '07:00' };
  it.each([
    ['21:59', false],
    ['22:00', true],
    ['23:59', true],
    ['00:00', true],
    ['06:59', true],
    ['07:00', false],
    ['12:00', false],
  ])('22:00–07:00 (crossing midnight) at %s → %s', (time, quiet) => {
    expect(isQuietMinute(night, at(time))).toBe(quiet);
  });

  it.each([
    ['12:59', false],
    ['13:00', true],
    ['14:29', true],
    ['14:30', false],
    ['23:00', false],
  ])('13:00–14:30 (same day) at %s → %s', (time, quiet) => {
    expect(isQuietMinute({ start: '13:00', end: '14:30' }, at(time))).toBe(quiet);
  });

  it('equal start and end, switched off, or absent: never quiet', () => {
    for (const minute of [0, at('08:00'), at('08:01'), 1439]) {
      expect(isQuietMinute({ start: '08:00', end: '08:00' }, minute)).toBe(false);
      expect(isQuietMinute({ ...night, enabled: false }, minute)).toBe(false);
      expect(isQuietMinute(undefined, minute)).toBe(false);
    }
    expect(isQuietMinute({ ...night, enabled: true }, 0)).toBe(true);
  });

  it('isQuietAt reads the local clock', () => {
    expect(isQuietAt(night, local('23:30'))).toBe(true);
    expect(isQuietAt(night, local('07:00'))).toBe(false);
  });

  it('minutesOf refuses what is not a time', () => {
    expect(() => minutesOf('24:00')).toThrow('not a time of day: "24:00"');
  });
});

describe('nextQuietChange', () => {
  const night: QuietHours = { start: '22:00', end: '07:00' };
  it('is the next start or end minute, crossing midnight', () => {
    expect(nextQuietChange(night, local('21:30', 20))).toEqual(local('22:00'));
    expect(nextQuietChange(night, local('22:00', 5))).toEqual(new Date(2026, 2, 11, 7, 0));
    expect(nextQuietChange(night, local('12:00'))).toEqual(local('22:00'));
  });

  it('is undefined when quiet hours never apply', () => {
    expect(nextQuietChange({ start: '09:00', end: '09:00' }, local('12:00'))).toBeUndefined();
    expect(nextQuietChange(undefined, local('12:00'))).toBeUndefined();
  });
});

describe('notifications.quietHours in the config', () => {
  const problems = (quietHours: unknown): string[] => {
    const r = validateConfig({ notifications: { quietHours } });
    return r.ok ? [] : r.issues.map(formatIssue);
  };

  it('accepts times, crossing midnight, equal times and a switch', () => {
    expect(problems({ start: '22:00', end: '07:00' })).toEqual([]);
    expect(problems({ enabled: false, start: '00:00', end: '23:59' })).toEqual([]);
    expect(problems({ start: '08:00', end: '08:00' })).toEqual([]);
  });

  it('names the key path and says what a time looks like', () => {
    expect(problems({ start: '25:00', end: '7:00' })).toEqual([
      'notifications.quietHours.start: expected a 24-hour time like "22:00" (HH:MM, 00:00–23:59), got "25:00"',
      'notifications.quietHours.end: expected a 24-hour time like "22:00" (HH:MM, 00:00–23:59), got "7:00"',
    ]);
    expect(problems({ start: '22:00' })).toEqual(['notifications.quietHours.end: required']);
    expect(problems({ start: '22:00', end: '07:00', enabled: 'yes' })).toEqual(['notifications.quietHours.enabled: expected true or false']);
    expect(problems({ start: '22:00', end: '07:00', from: 1 })[0]).toMatch(/^notifications\.quietHours\.from: unknown key/);
  });
});

describe('lastQuietStart', () => {
  const night: QuietHours = { start: '22:00', end: '07:00' };
  it('is the start of the window `at` is in, or of the one that ended last', () => {
    expect(lastQuietStart(night, local('23:15'))).toEqual(local('22:00'));
    expect(lastQuietStart(night, local('22:00', 30))).toEqual(local('22:00'));
    expect(lastQuietStart(night, local('06:30'))).toEqual(new Date(2026, 2, 9, 22, 0));
    expect(lastQuietStart(night, local('07:00'))).toEqual(new Date(2026, 2, 9, 22, 0));
    expect(lastQuietStart({ start: '13:00', end: '14:00' }, local('13:59', 59))).toEqual(local('13:00'));
  });
  it('is undefined when quiet hours never apply', () => {
    expect(lastQuietStart(undefined, local('23:00'))).toBeUndefined();
    expect(lastQuietStart({ start: '22:00', end: '22:00' }, local('23:00'))).toBeUndefined();
    expect(lastQuietStart({ ...night, enabled: false }, local('23:00'))).toBeUndefined();
  });
});
