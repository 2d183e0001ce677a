// Guide steps 1–3: imsg, Full Disk Access, Automation (with "Send a test message to myself").
import { useId, useState } from 'react';
import type { PermissionView } from '../../../../electron/contract/permissions.js';
import type { Snapshot } from '../../../../electron/contract/views.js';
import { TEST_SEND_KEY } from '../../actions/keys.js';
import { sendTestMessage } from '../../actions/guide-actions.js';
import { recheckPermissions } from '../../actions/permission-actions.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { PermissionRow } from '../permissions/permission-row.js';
import { GuideStep, type StepState } from './guide-step.js';

/** The command that installs imsg with Homebrew. */
export const BREW_INSTALL = 'brew install steipete/tap/imsg';

/** A step's state from its permission rows (all granted or not applicable = done). */
export function rowsState(rows: readonly PermissionView[]): StepState {
  if (rows.length === 0) return 'waiting';
  if (rows.every((r) => r.status === 'granted' || r.status === 'not-applicable')) return 'done';
  return rows.some((r) => r.status === 'denied') ? 'failing' : 'todo';
}

function Rows({ rows }: { readonly rows: readonly PermissionView[] }) {
  // A finished step stays short: one line per check.
  if (rows.length > 0 && rowsState(rows) === 'done')
    return (
      <ul className="done-lines">
        {rows.map((r) => (
          <li key={`${r.accountId}:${r.id}`} className="muted">
            ✓ {r.summary}
          </li>
        ))}
      </ul>
    );
  if (rows.length === 0)
    return (
      <div className="actions">
        <p className="muted">Not checked yet.</p>
        <ActionButton pendingKey="guide:recheck" onClick={() => void recheckPermissions()}>
          Check now
        </ActionButton>
      </div>
    );
  return (
    <ul className="rows">
      {rows.map((r) => (
        <PermissionRow key={`${r.accountId}:${r.id}`} row={r} accountSuffix="" />
      ))}
    </ul>
  );
}

function CopyCommand({ command }: { readonly command: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-command">
      <code className="mono">{command}</code>
      <button
        type="button"
        className="btn btn-plain btn-small"
        aria-label={`Copy the command ${command}`}
        onClick={() => void navigator.clipboard?.writeText(command).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

/** Steps 1–3 for the first account's permission rows. */
export function PermissionSteps({ snapshot }: { readonly snapshot: Snapshot }) {
  const id = useId();
  const [to, setTo] = useState('');
  const accountId = snapshot.accounts[0]?.accountId;
  const rows = (ids: readonly string[]) => snapshot.permissions.filter((p) => ids.includes(p.id) && (accountId === undefined || p.accountId === accountId));
  const imsg = rows(['imsg-binary']);
  const fda = rows(['full-disk-access', 'chat-db']);
  const automation = rows(['automation']);
  const version = snapshot.accounts[0]?.health.imsgVersion;
  const missing = imsg.some((r) => r.status === 'denied');
  return (
    <>
      <GuideStep n={1} title="Install imsg" state={rowsState(imsg)}>
        <p className="row-summary">imsg is the small program that reads and sends your iMessages.{version ? ` Found: imsg ${version}.` : ''}</p>
        {missing ? <CopyCommand command={BREW_INSTALL} /> : null}
        <Rows rows={imsg} />
      </GuideStep>
      <GuideStep n={2} title="Allow Full Disk Access" state={rowsState(fda)}>
        <p className="row-summary">macOS only lets apps with Full Disk Access read your messages. Add the app named below, then come back: this page checks again by itself.</p>
        <Rows rows={fda} />
      </GuideStep>
      <GuideStep n={3} title="Allow sending (Automation)" state={rowsState(automation)}>
        <p className="row-summary">Sending a test message to yourself makes macOS ask “allow to control Messages?” — click Allow. It also proves sending works.</p>
        <div className="field">
          <label htmlFor={id}>Your own phone number or Apple ID email</label>
          <div className="input-row">
            <input id={id} type="text" value={to} placeholder="+1 555 123 4567" spellCheck={false} autoCapitalize="off" onChange={(e) => setTo(e.target.value)} />
            <ActionButton pendingKey={TEST_SEND_KEY} variant="primary" disabled={to.trim() === '' || snapshot.accounts.length === 0} onClick={() => void sendTestMessage(to)}>
              Send a test message to myself
            </ActionButton>
          </div>
          {snapshot.accounts.length === 0 ? <p className="hint">Available once the settings file exists (choose an agent below).</p> : null}
          <InlineStatus keys={[TEST_SEND_KEY]} />
        </div>
        {automation.length > 0 ? <Rows rows={automation} /> : null}
      </GuideStep>
    </>
  );
}
