// Per-account settings: on/off, where imsg is (cliPath) and which Messages database (dbPath). Both
// paths are protected keys: the Mac app changes them (a native confirmation, or "Choose…" with a
// file dialog in main); the web UI shows them and says how to change them on the Mac.
import { useId } from 'react';
import type { SettingsView } from '../../../../electron/contract/views.js';
import { configKey } from '../../actions/keys.js';
import { pickCliPath, setConfigValue } from '../../actions/settings-actions.js';
import { FieldProblems } from '../../components/fields/field-problems.js';
import { TextField } from '../../components/fields/text-field.js';
import { useUiStore } from '../../stores/ui-store.js';

type Account = NonNullable<SettingsView['accounts']>[number];

/** What this window may do with the protected path keys. */
export interface PathAbilities {
  /** The Mac app: edits go through main's native confirmation. */
  readonly editPaths: boolean;
  /** Main can show a file dialog (`account:pick-cli-path`). */
  readonly pickFiles: boolean;
  /** The config file, for the "how to change it" hint. */
  readonly configPath: string;
}

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

/** "Choose…" next to cliPath: main's file dialog, then the write (its problems show under the field). */
function ChooseProgram({ account }: { readonly account: Account }) {
  const path = `${account.keyBase}.cliPath`;
  const running = useUiStore((s) => s.pending[configKey(path)]?.running ?? false);
  return (
    <button type="button" className="btn btn-plain" disabled={running} aria-label={`Choose the imsg program for account ${account.accountId}`} onClick={() => void pickCliPath(account.accountId, path)}>
      Choose…
    </button>
  );
}

/** A protected path shown read-only (web UI), with how to change it. */
function ReadOnlyPath({ label, path, value, configPath }: { readonly label: string; readonly path: string; readonly value: string; readonly configPath: string }) {
  return (
    <div className="field">
      <p className="field-label">{label}</p>
      <p className="mono path-value">{value}</p>
      <p className="hint">
        Protected: change it on the Mac, in the app’s Settings, with <code>imsg-companion config set {path} …</code>, or in {configPath}.
      </p>
    </div>
  );
}

/** One fieldset per account. */
export function AccountFields({ accounts, abilities }: { readonly accounts: NonNullable<SettingsView['accounts']>; readonly abilities: PathAbilities }) {
  return (
    <>
      {accounts.map((a) => (
        <fieldset key={a.accountId} className="group-box">
          <legend>{accounts.length > 1 ? `Account ${a.accountId}` : 'Account'}</legend>
          <EnabledSwitch account={a} />
          {abilities.editPaths ? (
            <>
              <TextField
                label="imsg program (cliPath)"
                path={`${a.keyBase}.cliPath`}
                value={a.cliPath}
                hint="“imsg” finds it on your PATH; or the full path, e.g. /opt/homebrew/bin/imsg."
                actions={abilities.pickFiles ? <ChooseProgram account={a} /> : null}
              />
              <TextField label="Messages database (dbPath)" path={`${a.keyBase}.dbPath`} value={a.dbPath ?? ''} placeholder="default: ~/Library/Messages/chat.db" hint="Leave empty for your own Messages." />
            </>
          ) : (
            <>
              <ReadOnlyPath label="imsg program (cliPath)" path={`${a.keyBase}.cliPath`} value={a.cliPath} configPath={abilities.configPath} />
              <ReadOnlyPath label="Messages database (dbPath)" path={`${a.keyBase}.dbPath`} value={a.dbPath ?? 'default: ~/Library/Messages/chat.db'} configPath={abilities.configPath} />
            </>
          )}
        </fieldset>
      ))}
    </>
  );
}
