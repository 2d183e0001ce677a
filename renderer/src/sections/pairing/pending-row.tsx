// One pending pairing request: who, which account, the code, its age and a live expiry countdown.
import type { PairingRequestView } from '../../../../electron/contract/views.js';
import { pairingKey } from '../../actions/keys.js';
import { approveRequest, denyRequest } from '../../actions/pairing-actions.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { formatAgo, formatExpiry } from '../../format/time.js';
import { useNow } from '../../hooks/use-now.js';
import { useUiStore } from '../../stores/ui-store.js';

/** Props of {@link PendingRow}. */
export interface PendingRowProps {
  readonly request: PairingRequestView;
  readonly showAccount: boolean;
}

/** The sender as the store recorded it (older requests only have their id). */
export const senderOf = (r: PairingRequestView) => r.meta.sender ?? r.id;

/** A pending request with Approve, Deny and Deny & block; after a decision it waits for the snapshot. */
export function PendingRow({ request, showAccount }: PendingRowProps) {
  const now = useNow();
  const { accountId, code } = request;
  const keys = { approve: pairingKey('approve', accountId, code), deny: pairingKey('deny', accountId, code), block: pairingKey('block', accountId, code) };
  const decided = useUiStore((s) => (s.pending[keys.approve]?.done ? 'Approved' : s.pending[keys.deny]?.done || s.pending[keys.block]?.done ? 'Denied' : null));
  const busy = useUiStore((s) => [keys.approve, keys.deny, keys.block].some((k) => s.pending[k]?.running));
  const sender = senderOf(request);
  const expiry = formatExpiry(request.expiresAt, now);
  return (
    <li className="row pending" aria-label={`Request from ${sender}`}>
      <div className="row-head">
        <strong className="sender">{sender}</strong>
        {showAccount ? <span className="muted">{accountId}</span> : null}
      </div>
      <p className="pending-meta">
        <code className="code" aria-label={`Code ${code}`}>
          {code}
        </code>
        <span className="muted">{formatAgo(request.createdAt, now)}</span>
        <span className={expiry === 'expired' ? 'expiry expired' : 'expiry'}>{expiry}</span>
      </p>
      {decided ? (
        <p className="muted" role="status">
          {decided} — updating…
        </p>
      ) : (
        <div className="actions">
          <ActionButton pendingKey={keys.approve} label={`Approve ${code}`} variant="primary" disabled={busy} onClick={() => void approveRequest(request)}>
            Approve
          </ActionButton>
          <ActionButton pendingKey={keys.deny} label={`Deny ${code}`} disabled={busy} onClick={() => void denyRequest(request, false)}>
            Deny
          </ActionButton>
          <ActionButton pendingKey={keys.block} label={`Deny & block ${code}`} variant="danger" disabled={busy} onClick={() => void denyRequest(request, true)}>
            Deny & block
          </ActionButton>
        </div>
      )}
      <InlineStatus keys={[keys.approve, keys.deny, keys.block]} />
    </li>
  );
}
