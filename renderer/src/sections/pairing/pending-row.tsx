// One pending pairing request as a card: who (contact name, handle), where (DM or group), their
// first message and when, the code, the expiry; Approve, Deny, and Deny & block behind a confirm step.
import type { PairingRequestView } from '../../../../electron/contract/views.js';
import { pairingKey } from '../../actions/keys.js';
import { approveRequest, denyRequest } from '../../actions/pairing-actions.js';
import { Handle } from '../../components/handle.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { ConfirmStep } from '../../components/ui/confirm-step.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { formatAgo, formatExpiry, formatWhen } from '../../format/time.js';
import { useNow } from '../../hooks/use-now.js';
import { useUiStore } from '../../stores/ui-store.js';

/** Props of {@link PendingRow}. */
export interface PendingRowProps {
  readonly request: PairingRequestView;
  readonly showAccount: boolean;
}

/** The sender as the store recorded it (older requests only have their id). */
export const senderOf = (r: PairingRequestView) => r.meta.sender ?? r.id;

/** The name a person would say: the contact name, else the handle. */
export const personOf = (r: PairingRequestView) => r.contactName ?? r.meta.contactName ?? senderOf(r);

/** A pending request card; after a decision it waits for the snapshot. */
export function PendingRow({ request, showAccount }: PendingRowProps) {
  const now = useNow();
  const { accountId, code } = request;
  const keys = { approve: pairingKey('approve', accountId, code), deny: pairingKey('deny', accountId, code), block: pairingKey('block', accountId, code) };
  const decided = useUiStore((s) => (s.pending[keys.approve]?.done ? 'Approved' : s.pending[keys.block]?.done ? 'Blocked' : s.pending[keys.deny]?.done ? 'Denied' : null));
  const busy = useUiStore((s) => [keys.approve, keys.deny, keys.block].some((k) => s.pending[k]?.running));
  const confirming = useUiStore((s) => s.confirming === keys.block);
  const setConfirming = useUiStore((s) => s.setConfirming);
  const sender = senderOf(request);
  const person = personOf(request);
  const chatType = request.chatType ?? (request.meta.chatType as PairingRequestView['chatType']);
  const chatName = request.chatName ?? request.meta.chatName;
  const firstText = request.firstText ?? request.meta.text;
  const expiry = formatExpiry(request.expiresAt, now);
  return (
    <li className="row pending card" aria-label={`Request from ${person}`}>
      <div className="row-head">
        <div className="who">
          {person !== sender ? <strong className="contact">{person}</strong> : null}
          <Handle value={sender} className={person !== sender ? 'sender muted' : 'sender strong'} />
        </div>
        {showAccount ? <span className="muted">{accountId}</span> : null}
      </div>
      <p className="muted chat-line">{chatType === 'group' ? `In the group ${chatName ?? 'chat'}` : 'Direct message'}</p>
      {firstText ? (
        <blockquote className="first-text">
          <p>{firstText}</p>
          <footer className="muted">{formatWhen(request.createdAt, now)}</footer>
        </blockquote>
      ) : (
        <p className="muted">First wrote {formatAgo(request.createdAt, now)} (their text was not recorded).</p>
      )}
      <p className="pending-meta">
        <span className="muted">Code</span>{' '}
        <code className="code" aria-label={`Code ${code.split('').join(' ')}`}>
          {code}
        </code>
        <span className={expiry === 'expired' ? 'expiry expired' : 'expiry'}>{expiry}</span>
      </p>
      {request.meta.codeUndelivered ? (
        <p className="hint notice-warning" role="note">
          The code has not reached them yet (imsg could not send it). It goes out when they write again; you can approve them now anyway.
        </p>
      ) : null}
      {decided ? (
        <p className="muted" role="status">
          {decided} — updating…
        </p>
      ) : confirming ? (
        <ConfirmStep
          groupLabel={`Confirm blocking ${person}`}
          question={`Deny and block ${person}? They get no code and can’t ask again until you unblock them.`}
          pendingKey={keys.block}
          confirmText="Deny & block"
          confirmLabel={`Confirm deny and block ${person}`}
          variant="danger"
          onConfirm={() => void denyRequest(request, true)}
        />
      ) : (
        <div className="actions">
          <ActionButton pendingKey={keys.approve} label={`Approve ${person}`} variant="primary" disabled={busy} onClick={() => void approveRequest(request)}>
            Approve
          </ActionButton>
          <ActionButton pendingKey={keys.deny} label={`Deny ${person}`} disabled={busy} onClick={() => void denyRequest(request, false)}>
            Deny
          </ActionButton>
          <button type="button" className="btn btn-danger" aria-label={`Deny and block ${person}`} disabled={busy} onClick={() => setConfirming(keys.block)}>
            Deny & block
          </button>
        </div>
      )}
      <InlineStatus keys={[keys.approve, keys.deny, keys.block]} />
    </li>
  );
}
