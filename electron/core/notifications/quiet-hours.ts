// Quiet hours (`notifications.quietHours`): a daily window in the Mac's local time during which no
// macOS or browser notification is shown. Nothing is dropped: the tray and the web UI still show
// every request and problem, and one summary follows when the window ends. Pure: callers pass the time.
import { z } from 'zod';

/** A 24-hour time of day, `HH:MM` (00:00–23:59). */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

const time = z.string().regex(TIME_OF_DAY, { error: (issue) => `expected a 24-hour time like "22:00" (HH:MM, 00:00–23:59), got ${JSON.stringify(issue.input)}` });

/** The config shape: `enabled` (default true) keeps the times while switched off; equal times = never quiet. */
export const QuietHoursSchema = z.object({ enabled: z.boolean().optional(), start: time, end: time }).strict();

/** A validated `notifications.quietHours`. */
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** Minutes after midnight of a valid `HH:MM`. */
export function minutesOf(hhmm: string): number {
  const m = TIME_OF_DAY.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Whether quiet hours apply at all: present, not switched off, and start ≠ end. */
export function quietHoursActive(q: QuietHours | undefined): q is QuietHours {
  return q !== undefined && q.enabled !== false && q.start !== q.end;
}

/**
 * Whether `minute` (0–1439 after local midnight) lies in the window [start, end): start inclusive,
 * end exclusive, crossing midnight when end < start (22:00–07:00).
 */
export function isQuietMinute(q: QuietHours | undefined, minute: number): boolean {
  if (!quietHoursActive(q)) return false;
  const start = minutesOf(q.start);
  const end = minutesOf(q.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Minutes after local midnight of `at`. */
export function localMinute(at: Date): number {
  return at.getHours() * 60 + at.getMinutes();
}

/** Whether `at` (local time of this machine) is in quiet hours. */
export function isQuietAt(q: QuietHours | undefined, at: Date): boolean {
  return isQuietMinute(q, localMinute(at));
}

/** The next moment after `at` when the quiet state may change (the next start or end minute), or undefined when never. */
export function nextQuietChange(q: QuietHours | undefined, at: Date): Date | undefined {
  if (!quietHoursActive(q)) return undefined;
  const now = localMinute(at);
  const ahead = [minutesOf(q.start), minutesOf(q.end)].map((m) => (m - now + 1440) % 1440 || 1440);
  const next = new Date(at);
  next.setSeconds(0, 0);
  // setMinutes handles day rollover and DST shifts in local time.
  next.setMinutes(next.getMinutes() + Math.min(...ahead));
  return next;
}

/** When the quiet window that `at` is in, or that ended last before `at`, began (local time); undefined when never quiet. */
export function lastQuietStart(q: QuietHours | undefined, at: Date): Date | undefined {
  if (!quietHoursActive(q)) return undefined;
  const start = new Date(at);
  start.setSeconds(0, 0);
  // setMinutes handles day rollover and DST shifts in local time.
  start.setMinutes(start.getMinutes() - ((localMinute(at) - minutesOf(q.start) + 1440) % 1440));
  return start;
}
