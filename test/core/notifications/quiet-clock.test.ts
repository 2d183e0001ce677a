// The snapshot's quiet flag: the view, the boundary timer, and a running Companion reporting it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_CHECK_MS, notificationsView, QuietClock } from '../../../electron/core/notifications/quiet-clock.js';
import { channel, cleanup, ECHO_AGENTS, startApp } from '../app/app-fixture.js';

afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

const night = { start: '22:00', end: '07:00' };

describe('notificationsView', () => {
  it('says whether it is quiet now and which window applies', () => {
    expect(notificationsView(night, new Date(2026, 0, 5, 23, 0))).toEqual({ quiet: true, quietHours: night, quietSince: new Date(2026, 0, 5, 22, 0).toISOString() });
    // Not quiet: the window that ended last (it began yesterday evening).
    expect(notificationsView(night, new Date(2026, 0, 5, 12, 0))).toEqual({ quiet: false, quietHours: night, quietSince: new Date(2026, 0, 4, 22, 0).toISOString() });
    expect(notificationsView({ ...night, enabled: false }, new Date(2026, 0, 5, 23, 0))).toEqual({ quiet: false });
    expect(notificationsView(undefined, new Date())).toEqual({ quiet: false });
  });
});

describe('QuietClock', () => {
  it('calls changed just after the next boundary, waiting at most MAX_CHECK_MS at a time', () => {
    vi.useFakeTimers();
    const changed = vi.fn();
    const clock = new QuietClock(changed);
    clock.arm(night, new Date(2026, 0, 5, 21, 58, 30)); // 90 s before 22:00
    vi.advanceTimersByTime(90_000);
    expect(changed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(changed).toHaveBeenCalledTimes(1);

    clock.arm(night, new Date(2026, 0, 5, 12, 0)); // 10 h before 22:00: a check after 5 min
    vi.advanceTimersByTime(MAX_CHECK_MS + 100);
    expect(changed).toHaveBeenCalledTimes(2);
    clock.arm(night, new Date(2026, 0, 5, 12, 5));
    clock.stop();
    vi.advanceTimersByTime(MAX_CHECK_MS * 2);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('does not run when quiet hours never apply', () => {
    vi.useFakeTimers();
    const changed = vi.fn();
    new QuietClock(changed).arm({ start: '08:00', end: '08:00' }, new Date());
    vi.advanceTimersByTime(24 * 3600_000);
    expect(changed).not.toHaveBeenCalled();
  });
});

describe('Companion snapshot', () => {
  it('reports quiet hours that cover now, and not quiet otherwise', async () => {
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    const now = new Date();
    const start = hhmm(now);
    const end = hhmm(new Date(now.getTime() + 2 * 3600_000));
    const quiet = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS, notifications: { quietHours: { start, end } } });
    const minute = (ms: number): string => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
    expect((await quiet.app.snapshot()).notifications).toEqual({ quiet: true, quietHours: { start, end }, quietSince: minute(now.getTime()) });
    const awake = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS, notifications: { quietHours: { start: end, end: start } } });
    expect((await awake.app.snapshot()).notifications).toEqual({ quiet: false, quietHours: { start: end, end: start }, quietSince: minute(now.getTime() + 2 * 3600_000 - 24 * 3600_000) });
  });
});
