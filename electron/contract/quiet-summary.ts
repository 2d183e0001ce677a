// What the shell (macOS) and the web page (browser) show when quiet hours end: one summary of what
// was held back and still needs the owner, instead of a burst of stale notifications. Pure, shared.
import type { Snapshot } from './views.js';

/** What was held back while quiet: pairing requests by {@link heldKey}, and how many problem notices. */
export interface HeldNotices {
  readonly pairing: Set<string>;
  problems: number;
}

/** An empty {@link HeldNotices}. */
export const noneHeld = (): HeldNotices => ({ pairing: new Set(), problems: 0 });

/** The key of a pairing request in {@link HeldNotices}. */
export const heldKey = (r: { accountId: string; code: string }): string => `${r.accountId}:${r.code}`;

/** True while the snapshot says quiet hours are on (no notification may be shown). */
export const isQuiet = (s: Snapshot | undefined): boolean => s?.notifications?.quiet === true;

/**
 * When the window whose end `before` (the previous snapshot's `notifications`) was inside began,
 * in ms; undefined when it was not quiet. The summary counts requests from then on: this app or
 * page may have started inside the window, after requests came.
 */
export function quietWindowStart(before: Snapshot['notifications'] | undefined): number | undefined {
  return before?.quiet && before.quietSince ? Date.parse(before.quietSince) : undefined;
}

/** The summary notification. */
export interface QuietSummary {
  readonly title: string;
  readonly body: string;
  readonly section: 'pairing' | 'accounts';
}

/**
 * The one notification for the end of quiet hours, from what was `held` and the snapshot `now`:
 * held requests still pending, and the current state when a held problem is still not resolved.
 * `createdSince` (ms) also counts pending requests created since then: the window's start, so a
 * request held by an earlier run of the app (restarted during quiet hours) is not left out.
 * Undefined when nothing held back still needs the owner (a request approved from the tray meanwhile).
 */
export function quietSummary(held: HeldNotices, now: Snapshot, createdSince?: number): QuietSummary | undefined {
  const inWindow = (createdAt: string): boolean => createdSince !== undefined && Date.parse(createdAt) >= createdSince;
  const waiting = now.pairing.pending.filter((r) => held.pairing.has(heldKey(r)) || inWindow(r.createdAt)).length;
  const problem = held.problems > 0 && now.overall.level !== 'ok' && now.overall.level !== 'idle';
  if (waiting === 0 && !problem) return undefined;
  const parts = [
    ...(waiting > 0 ? [`${waiting} pairing request${waiting === 1 ? ' is' : 's are'} waiting for you.`] : []),
    ...(problem ? [`Now: ${now.overall.text}`] : []),
  ];
  return { title: 'While quiet hours were on', body: parts.join(' '), section: waiting > 0 ? 'pairing' : 'accounts' };
}
