// The snapshot's `notifications` part and the timer that refreshes it when quiet hours begin or end,
// so the shell (macOS notifications) and the web page (browser ones) only read a flag.
import type { Snapshot } from '../../contract/views.js';
import { isQuietAt, lastQuietStart, nextQuietChange, type QuietHours, quietHoursActive } from './quiet-hours.js';

/** The snapshot's `notifications` view. */
export type NotificationsView = NonNullable<Snapshot['notifications']>;

/** Longest wait between checks: timers do not run while a Mac sleeps, so a boundary slept through is noticed soon after. */
export const MAX_CHECK_MS = 5 * 60_000;

/** The view at `at`: whether it is quiet now, the window when one applies, and when it last began. */
export function notificationsView(q: QuietHours | undefined, at: Date): NotificationsView {
  const since = lastQuietStart(q, at);
  return { quiet: isQuietAt(q, at), ...(quietHoursActive(q) ? { quietHours: { start: q.start, end: q.end } } : {}), ...(since && { quietSince: since.toISOString() }) };
}

/** Calls `changed` at the next quiet-hours boundary (re-armed by each {@link QuietClock.arm}). */
export class QuietClock {
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly changed: () => void) {}

  /** Schedule the next check for `q` as of `at` (none when quiet hours never apply). */
  arm(q: QuietHours | undefined, at: Date): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = nextQuietChange(q, at);
    if (!next) return;
    // A few ms past the boundary minute, so the rebuilt snapshot is on the new side of it.
    const delay = Math.min(MAX_CHECK_MS, next.getTime() - at.getTime() + 50);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.changed();
    }, delay);
    this.#timer.unref?.();
  }

  /** No more checks. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
