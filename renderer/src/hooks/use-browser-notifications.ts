// The browser's Notification API (web mode, when the person allowed it): new pairing requests and
// the overall state turning to error. The Mac app notifies from main instead.
import { useEffect, useRef } from 'react';
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

/** Notify on new requests and on a change into the error state (never for the first snapshot). */
export function useBrowserNotifications(enabled: boolean): void {
  const snapshot = useSnapshotStore((s) => s.snapshot);
  const seen = useRef<{ pending: Set<string>; level: string } | null>(null);
  useEffect(() => {
    if (!snapshot) return;
    const pending = new Set(snapshot.pairing.pending.map((p) => `${p.accountId}:${p.code}`));
    const prev = seen.current;
    seen.current = { pending, level: snapshot.overall.level };
    if (!prev || !enabled || !notificationsOn()) return;
    for (const p of snapshot.pairing.pending.filter((r) => !prev.pending.has(`${r.accountId}:${r.code}`))) {
      new Notification('New pairing request', { body: `${p.contactName ?? p.meta.sender ?? p.id} wants to talk to your assistant.`, tag: `pairing:${p.code}` });
    }
    if (snapshot.overall.level === 'error' && prev.level !== 'error') new Notification('imsg Companion needs you', { body: snapshot.overall.text, tag: 'overall' });
  }, [snapshot, enabled]);
}
