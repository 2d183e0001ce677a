// Senders approved through pairing, each with Revoke behind a confirm step.
import type { Snapshot } from '../../../../electron/contract/views.js';
import { revokeKey } from '../../actions/keys.js';
import { revokeSender } from '../../actions/pairing-actions.js';
import { ConfirmStep } from '../../components/ui/confirm-step.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { useUiStore } from '../../stores/ui-store.js';

/** Props of {@link ApprovedList}. */
export interface ApprovedListProps {
  readonly approved: Snapshot['pairing']['approved'];
  readonly showAccount: boolean;
}

function ApprovedRow({ accountId, sender, showAccount }: { readonly accountId: string; readonly sender: string; readonly showAccount: boolean }) {
  const key = revokeKey(accountId, sender);
  const confirming = useUiStore((s) => s.confirming === key);
  const setConfirming = useUiStore((s) => s.setConfirming);
  return (
    <li className="row approved">
      <div className="row-head">
        <span className="sender">{sender}</span>
        {showAccount ? <span className="muted">{accountId}</span> : null}
        {confirming ? null : (
          <button type="button" className="btn btn-plain" aria-label={`Revoke ${sender}`} onClick={() => setConfirming(key)}>
            Revoke
          </button>
        )}
      </div>
      {confirming ? (
        <ConfirmStep
          groupLabel={`Confirm revoking ${sender}`}
          question={`Revoke ${sender}? They will need a new pairing code to message your assistant.`}
          pendingKey={key}
          confirmText="Revoke"
          confirmLabel={`Confirm revoke ${sender}`}
          variant="danger"
          onConfirm={() => void revokeSender(accountId, sender)}
        />
      ) : null}
      <InlineStatus keys={[key]} />
    </li>
  );
}

/** The approved senders, or a line saying there are none. */
export function ApprovedList({ approved, showAccount }: ApprovedListProps) {
  if (approved.length === 0) return <p className="muted">No one approved through pairing yet.</p>;
  return (
    <ul className="rows" aria-label="Approved senders">
      {approved.map((a) => (
        <ApprovedRow key={`${a.accountId}:${a.sender}`} accountId={a.accountId} sender={a.sender} showAccount={showAccount} />
      ))}
    </ul>
  );
}
