// One account's measured health: state, imsg version, restarts, last message, last error and its fix.
import type { AccountView } from '../../../../electron/contract/views.js';
import { probeAccount, restartAccount } from '../../actions/account-actions.js';
import { accountKey } from '../../actions/keys.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { Badge } from '../../components/ui/badge.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { ACCOUNT_STATE } from '../../format/labels.js';
import { formatAgo, formatDuration, secondsUntil } from '../../format/time.js';
import { useNow } from '../../hooks/use-now.js';
import { accountRowId } from '../../format/attention.js';

/** Props of {@link AccountCard}. */
export interface AccountCardProps {
  readonly account: AccountView;
}

function stateLabel(health: AccountView['health'], now: number): string {
  const base = ACCOUNT_STATE[health.state].label;
  if (health.state !== 'backoff' || !health.nextRestartAt) return base;
  const s = secondsUntil(health.nextRestartAt, now);
  return s > 0 ? `Restarting in ${formatDuration(s)}` : 'Restarting now';
}

/** An account card with Restart and Probe (the probe result shows under the buttons). */
export function AccountCard({ account }: AccountCardProps) {
  const now = useNow();
  const { accountId, health } = account;
  const headingId = `account-${accountId}`;
  const err = health.lastError;
  return (
    <article id={accountRowId(account.accountId)} className="row account" aria-labelledby={headingId}>
      <div className="row-head">
        <h3 id={headingId} className="row-title">
          {accountId}
        </h3>
        {account.paused ? <Badge tone="neutral">Paused</Badge> : null}
        {account.enabled ? null : <Badge tone="neutral">Disabled</Badge>}
        <Badge tone={ACCOUNT_STATE[health.state].tone}>{stateLabel(health, now)}</Badge>
      </div>
      <dl className="facts">
        <dt>imsg</dt>
        <dd>{health.imsgVersion ? `${health.imsgVersion}${health.protocol ? ` (${health.protocol})` : ''}` : 'not known yet'}</dd>
        <dt>Restarts</dt>
        <dd>{health.restarts}</dd>
        <dt>Last message</dt>
        <dd>{health.lastMessageAt ? formatAgo(health.lastMessageAt, now) : 'none yet'}</dd>
        {account.remoteHost ? (
          <>
            <dt>Mac</dt>
            <dd>{account.remoteHost} (over SSH)</dd>
          </>
        ) : null}
      </dl>
      {err ? (
        <div className="callout callout-error" role="group" aria-label={`Last error of ${accountId}`}>
          <p>
            <strong>{err.cause.summary}</strong> <span className="muted">{formatAgo(err.at, now)}</span>
          </p>
          {err.cause.fix ? <p>{err.cause.fix}</p> : null}
          <details>
            <summary>Details</summary>
            <p className="detail">{err.message}</p>
            {err.cause.detail && !err.message.includes(err.cause.detail) ? <p className="detail">{err.cause.detail}</p> : null}
          </details>
        </div>
      ) : health.lastProblem ? (
        // Watching again: the error is history, so the box is gone and the badge agrees with it.
        <p className="muted" aria-label={`Last problem of ${accountId}`}>
          Last problem (recovered {formatAgo(health.lastProblem.recoveredAt ?? health.lastProblem.at, now)}): {health.lastProblem.message}
        </p>
      ) : null}
      <div className="actions">
        <ActionButton pendingKey={accountKey('restart', accountId)} label={`Restart ${accountId}`} onClick={() => void restartAccount(accountId)}>
          Restart
        </ActionButton>
        <ActionButton pendingKey={accountKey('probe', accountId)} label={`Probe ${accountId}`} onClick={() => void probeAccount(accountId)}>
          Probe
        </ActionButton>
      </div>
      <InlineStatus keys={[accountKey('restart', accountId), accountKey('probe', accountId)]} />
    </article>
  );
}
