// Undo for a block just made, and the Blocked list with Unblock.
import type { Snapshot } from '../../../../electron/contract/views.js';
import { unblockKey } from '../../actions/keys.js';
import { unblockSender } from '../../actions/pairing-actions.js';
import { Handle } from '../../components/handle.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { useUiStore } from '../../stores/ui-store.js';

/** "Blocked X. Undo" lines for the blocks made in this window (until undone or dismissed). */
export function RecentBlocks() {
  const recent = useUiStore((s) => s.recentBlocks);
  const remove = useUiStore((s) => s.removeRecentBlock);
  if (recent.length === 0) return null;
  return (
    <ul className="rows" aria-label="Just blocked">
      {recent.map((b) => (
        <li key={`${b.accountId}:${b.sender}`} className="row undo-row" role="status">
          <p>
            Blocked <Handle value={b.sender} />.
          </p>
          <div className="actions">
            <ActionButton pendingKey={unblockKey(b.accountId, b.sender)} label={`Undo blocking ${b.sender}`} variant="primary" onClick={() => void unblockSender(b.accountId, b.sender)}>
              Undo
            </ActionButton>
            <button type="button" className="btn btn-plain" aria-label={`Dismiss the undo for ${b.sender}`} onClick={() => remove(b)}>
              OK
            </button>
          </div>
          <InlineStatus keys={[unblockKey(b.accountId, b.sender)]} />
        </li>
      ))}
    </ul>
  );
}

/** The blocked senders with Unblock, or a line saying there are none. */
export function BlockedList({ blocked, showAccount }: { readonly blocked: NonNullable<Snapshot['pairing']['blocked']>; readonly showAccount: boolean }) {
  if (blocked.length === 0) return <p className="muted">No one is blocked.</p>;
  return (
    <ul className="rows" aria-label="Blocked senders">
      {blocked.map((b) => (
        <li key={`${b.accountId}:${b.sender}`} className="row">
          <div className="row-head">
            <Handle value={b.sender} className="sender" />
            {showAccount ? <span className="muted">{b.accountId}</span> : null}
            <ActionButton pendingKey={unblockKey(b.accountId, b.sender)} label={`Unblock ${b.sender}`} onClick={() => void unblockSender(b.accountId, b.sender)}>
              Unblock
            </ActionButton>
          </div>
          <InlineStatus keys={[unblockKey(b.accountId, b.sender)]} />
        </li>
      ))}
    </ul>
  );
}

/** Strangers who wrote while the pending limit was reached: they get a code once a slot frees up. */
export function WaitingList({ waiting }: { readonly waiting: NonNullable<Snapshot['pairing']['waiting']> }) {
  if (waiting.length === 0) return null;
  return (
    <>
      <h2 className="group-title">Waiting (request limit reached)</h2>
      <p className="hint">They get a code as soon as you approve or deny one of the requests above.</p>
      <ul className="rows" aria-label="Waiting senders">
        {waiting.map((w) => (
          <li key={`${w.accountId}:${w.sender}`} className="row">
            <Handle value={w.sender} className="sender" />
            <span className="muted">
              {' '}
              · {w.count} message{w.count === 1 ? '' : 's'}
            </span>
            {w.text ? <p className="first-text-inline">{w.text}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
