// The one-line overall state with its coloured dot, and the app version.
import { setPaused } from '../actions/app-actions.js';
import { PAUSE_KEY } from '../actions/keys.js';
import { OVERALL } from '../format/labels.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { ActionButton } from './ui/action-button.js';
import { InlineStatus } from './ui/inline-status.js';

/** The popover header, with Pause/Resume for all answering. */
export function StatusHeader() {
  const snapshot = useSnapshotStore((s) => s.snapshot);
  const error = useSnapshotStore((s) => s.error);
  const level = snapshot ? OVERALL[snapshot.overall.level] : undefined;
  const text = snapshot?.overall.text ?? (error ? 'Not connected' : 'Connecting…');
  return (
    <>
      <header className="header">
        <span className={`dot dot-${level?.tone ?? 'neutral'}`} aria-hidden="true" />
        <p className="header-text" title={text}>
          {level ? <span className="sr-only">{level.spoken}: </span> : null}
          {text}
        </p>
        {snapshot ? (
          <ActionButton pendingKey={PAUSE_KEY} label={snapshot.paused ? 'Resume answering' : 'Pause answering'} onClick={() => void setPaused(!snapshot.paused)}>
            {snapshot.paused ? 'Resume' : 'Pause'}
          </ActionButton>
        ) : null}
        {snapshot ? <span className="header-version">v{snapshot.version}</span> : null}
      </header>
      <InlineStatus keys={[PAUSE_KEY]} />
    </>
  );
}
