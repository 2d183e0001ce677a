// Polite screen-reader announcements: a new pairing request, a change of the overall state.
import { useEffect, useRef } from 'react';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { useUiStore } from '../stores/ui-store.js';

/** Watches the snapshot and speaks what changed, once, in a visually hidden live region. */
export function Announcer() {
  const snapshot = useSnapshotStore((s) => s.snapshot);
  const connection = useSnapshotStore((s) => s.connection);
  const announcement = useUiStore((s) => s.announcement);
  const seen = useRef<{ pending: Set<string>; level: string; text: string; connection: string } | null>(null);
  useEffect(() => {
    if (!snapshot) return;
    const pending = new Set(snapshot.pairing.pending.map((p) => `${p.accountId}:${p.code}`));
    const prev = seen.current;
    seen.current = { pending, level: snapshot.overall.level, text: snapshot.overall.text, connection };
    if (!prev) return; // the first snapshot is what the page shows, not news
    const fresh = snapshot.pairing.pending.filter((p) => !prev.pending.has(`${p.accountId}:${p.code}`));
    const parts: string[] = [];
    if (fresh.length > 0) parts.push(`New pairing request from ${fresh.map((p) => p.contactName ?? p.meta.sender ?? p.id).join(', ')}.`);
    if (prev.connection !== connection) parts.push(connection === 'connected' ? 'Connected again.' : 'Connection lost.');
    else if (prev.level !== snapshot.overall.level) parts.push(`Status: ${snapshot.overall.text}.`);
    if (parts.length > 0) useUiStore.getState().announce(parts.join(' '));
  }, [snapshot, connection]);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement}
    </div>
  );
}
