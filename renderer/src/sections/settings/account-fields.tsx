// Per-account settings: on/off, where imsg is (cliPath) and which Messages database (dbPath).
import { useId } from 'react';
import type { SettingsView } from '../../../../electron/contract/views.js';
import { configKey } from '../../actions/keys.js';
import { setConfigValue } from '../../actions/settings-actions.js';
import { FieldProblems } from '../../components/fields/field-problems.js';
import { TextField } from '../../components/fields/text-field.js';
import { useUiStore } from '../../stores/ui-store.js';

type Account = NonNullable<SettingsView['accounts']>[number];

function EnabledSwitch({ account }: { readonly account: Account }) {
  const id = useId();
  const path = `${account.keyBase}.enabled`;
  const running = useUiStore((s) => s.pending[configKey(path)]?.running ?? false);
  return (
    <div className="field">
      <div className="toggle-row">
        <input id={id} type="checkbox" role="switch" checked={account.enabled} disabled={running} onChange={(e) => void setConfigValue(path, e.target.checked)} />
        <label htmlFor={id}>Answer messages of this account</label>
      </div>
      <FieldProblems id={`${id}-issues`} trackKey={configKey(path)} />
    </div>
  );
}

/** One fieldset per account. */
export function AccountFields({ accounts }: { readonly accounts: NonNullable<SettingsView['accounts']> }) {
  return (
    <>
      {accounts.map((a) => (
        <fieldset key={a.accountId} className="group-box">
          <legend>{accounts.length > 1 ? `Account ${a.accountId}` : 'Account'}</legend>
          <EnabledSwitch account={a} />
          <TextField label="imsg program (cliPath)" path={`${a.keyBase}.cliPath`} value={a.cliPath} hint="“imsg” finds it on your PATH; or the full path, e.g. /opt/homebrew/bin/imsg." />
          <TextField label="Messages database (dbPath)" path={`${a.keyBase}.dbPath`} value={a.dbPath ?? ''} placeholder="default: ~/Library/Messages/chat.db" hint="Leave empty for your own Messages." />
        </fieldset>
      ))}
    </>
  );
}
