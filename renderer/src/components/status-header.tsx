// The overall state with its coloured dot (a button that goes where attention is), Pause/Resume, version.
import { setPaused } from '../actions/app-actions.js';
import { PAUSE_KEY } from '../actions/keys.js';
import { attentionTarget } from '../format/attention.js';
import { OVERALL } from '../format/labels.js';
import { goToAttention } from '../hooks/use-attention.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { ActionButton } from './ui/action-button.js';
import { InlineStatus } from './ui/inline-status.js';

/** The popover header; its text wraps (never truncated) and, while offline, says so instead of the last state. */
export function StatusHeader() {
  const snapshot = useSnapshotStore((s) => s.snapshot);
  const error = useSnapshotStore((s) => s.error);
  const connection = useSnapshotStore((s) => s.connection);
  const offline = connection === 'reconnecting' || connection === 'connecting';
  const level = snapshot && !offline ? OVERALL[snapshot.overall.level] : undefined;
  const text = offline && snapshot ? 'Not connected to imsg Companion: trying again…' : (snapshot?.overall.text ?? (error ? 'Not connected' : 'Connecting…'));
  const target = snapshot && !offline ? attentionTarget(snapshot) : null;
  const body = (
    <>
      <span className={`dot dot-${level?.tone ?? 'neutral'}`} aria-hidden="true" />
      <span className="header-text">
        {level ? <span className="sr-only">{level.spoken}: </span> : null}
        {text}
      </span>
    </>
  );
  return (
    <>
      <header className="header">
        {target ? (
          <button type="button" className="header-main" onClick={() => goToAttention(target)} title="Show what needs you">
            {body}
          </button>
        ) : (
          <p className="header-main">{body}</p>
        )}
        {snapshot ? (
          <ActionButton pendingKey={PAUSE_KEY} label={snapshot.paused ? 'Resume answering' : 'Pause answering'} disabled={offline} onClick={() => void setPaused(!snapshot.paused)}>
            {snapshot.paused ? 'Resume' : 'Pause'}
          </ActionButton>
        ) : null}
        {snapshot ? <span className="header-version">v{snapshot.version}</span> : null}
      </header>
      <InlineStatus keys={[PAUSE_KEY]} />
    </>
  );
}
