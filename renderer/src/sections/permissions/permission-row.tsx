// One permission check: status, who needs the grant, the numbered fix, and its buttons.
import type { PermissionView } from '../../../../electron/contract/permissions.js';
import { permissionKey } from '../../actions/keys.js';
import { runPermissionAction, type RowAction } from '../../actions/permission-actions.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { Badge } from '../../components/ui/badge.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { permissionRowId } from '../../format/attention.js';
import { PERMISSION_ACTION_LABEL, PERMISSION_STATUS } from '../../format/labels.js';

/** Props of {@link PermissionRow}. */
export interface PermissionRowProps {
  readonly row: PermissionView;
  /** Added to button names when several accounts show the same rows. */
  readonly accountSuffix: string;
}

const isRowAction = (a: PermissionView['actions'][number]): a is RowAction => a in PERMISSION_ACTION_LABEL;

/** A permission row; a granted or not-applicable row stays short. */
export function PermissionRow({ row, accountSuffix }: PermissionRowProps) {
  const status = PERMISSION_STATUS[row.status];
  const actions = row.actions.filter(isRowAction);
  const headingId = `perm-${row.accountId}-${row.id}`;
  const calm = row.status === 'granted' || row.status === 'not-applicable';
  return (
    <li id={permissionRowId(row.accountId, row.id)} className={`row perm perm-${row.status}`} aria-labelledby={headingId}>
      <div className="row-head">
        <h3 id={headingId} className="row-title">
          {row.title}
        </h3>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <p className="row-summary">{row.summary}</p>
      {row.grantee && !calm ? (
        <p className="muted">
          Needs the grant: <strong>{row.grantee}</strong>
        </p>
      ) : null}
      {row.steps.length > 0 && !calm ? (
        <ol className="steps" aria-label={`How to fix ${row.title}`}>
          {row.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      ) : null}
      {row.detail ? <p className="detail">{row.detail}</p> : null}
      {actions.length > 0 ? (
        <div className="actions">
          {actions.map((a) => (
            <ActionButton
              key={a}
              pendingKey={permissionKey(row.accountId, row.id, a)}
              label={`${PERMISSION_ACTION_LABEL[a]} for ${row.title}${accountSuffix}`}
              variant={a === actions[0] && !calm ? 'primary' : 'plain'}
              onClick={() => void runPermissionAction(row, a)}
            >
              {PERMISSION_ACTION_LABEL[a]}
            </ActionButton>
          ))}
        </div>
      ) : null}
      <InlineStatus keys={actions.map((a) => permissionKey(row.accountId, row.id, a))} />
    </li>
  );
}
