// The one-line overall state with its coloured dot, and the app version.
import { OVERALL } from '../format/labels.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';

/** The popover header. */
export function StatusHeader() {
  const snapshot = useSnapshotStore((s) => s.snapshot);
  const error = useSnapshotStore((s) => s.error);
  const level = snapshot ? OVERALL[snapshot.overall.level] : undefined;
  const text = snapshot?.overall.text ?? (error ? 'Not connected' : 'Connecting…');
  return (
    <header className="header">
      <span className={`dot dot-${level?.tone ?? 'neutral'}`} aria-hidden="true" />
      <p className="header-text" title={text}>
        {level ? <span className="sr-only">{level.spoken}: </span> : null}
        {text}
      </p>
      {snapshot ? <span className="header-version">v{snapshot.version}</span> : null}
    </header>
  );
}
