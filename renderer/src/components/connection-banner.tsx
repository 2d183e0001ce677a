// Transport trouble shown above the sections (web transport only; Electron IPC never drops).
import { useSnapshotStore } from '../stores/snapshot-store.js';

/** "Reconnecting…" while the event stream is down. */
export function ConnectionBanner() {
  const connection = useSnapshotStore((s) => s.connection);
  if (connection !== 'reconnecting') return null;
  return (
    <p role="status" className="banner banner-warning">
      Buttons are off until imsg Companion answers again. This page reconnects by itself: no new link needed.
    </p>
  );
}
