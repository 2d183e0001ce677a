// The browser's Notification API (web mode, when the person allowed it): new pairing requests and
// the overall state turning to error; none during quiet hours, one summary after. The Mac app notifies from main instead.
import { useEffect, useRef } from 'react';
import { type HeldNotices, heldKey, isQuiet, noneHeld, quietSummary, quietWindowStart } from '../../../electron/contract/quiet-summary.js';
import type { Snapshot } from '../../../electron/contract/views.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';

/** localStorage key of the "notify me in this browser" choice. */
export const NOTIFY_PREF_KEY = 'imsgc.notify';

/** True when this page may show notifications and the person turned them on here. */
export function notificationsOn(): boolean {
  try {
    return typeof Notification !== 'undefined' && Notification.permission === 'granted' && localStorage.getItem(NOTIFY_PREF_KEY) !== 'off';
  } catch {
    return false;
  }
}

/** Notify on new requests and on a change into the error state (never for the first snapshot); quiet hours hold them for one summary. */
export function useBrowserNotifications(enabled: boolean): void {
  const snapshot = useSnapshotStore((s) => s.snapshot);
  const seen = useRef<{ pending: Set<string>; level: string; notifications: Snapshot['notifications'] } | null>(null);
  const held = useRef<HeldNotices>(noneHeld());
  useEffect(() => {
    if (!snapshot) return;
    const pending = new Set(snapshot.pairing.pending.map(heldKey));
    const prev = seen.current;
    seen.current = { pending, level: snapshot.overall.level, notifications: snapshot.notifications };
    if (!prev || !enabled || !notificationsOn()) return;
    const fresh = snapshot.pairing.pending.filter((r) => !prev.pending.has(heldKey(r)));
    const failed = snapshot.overall.level === 'error' && prev.level !== 'error';
    if (isQuiet(snapshot)) {
      // The page still shows them (badges, the Pairing list); the owner hears once quiet hours end.
      for (const r of fresh) held.current.pairing.add(heldKey(r));
      if (failed) held.current.problems++;
      return;
    }
    const summary = quietSummary(held.current, snapshot, quietWindowStart(prev.notifications));
    held.current = noneHeld();
    if (summary) new Notification(summary.title, { body: summary.body, tag: 'quiet-summary' });
    for (const p of fresh) {
      new Notification('New pairing request', { body: `${p.contactName ?? p.meta.sender ?? p.id} wants to talk to your assistant.`, tag: `pairing:${p.code}` });
    }
    if (failed) new Notification('imsg Companion needs you', { body: snapshot.overall.text, tag: 'overall' });
  }, [snapshot, enabled]);
}
