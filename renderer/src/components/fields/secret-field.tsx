// A password input for an agent's API key or webhook secret: Save stores the value in the secret
// store and writes only `{secret: NAME}` to the config. The value is never shown or read back.
import { useEffect, useId, useState } from 'react';
import { configKey } from '../../actions/keys.js';
import { agentSecretName, listSecretNames, saveAgentSecret, type SecretField as Field } from '../../actions/secret-actions.js';
import { useUiStore } from '../../stores/ui-store.js';
import { FieldProblems } from './field-problems.js';

/** Props of {@link SecretField}. */
export interface SecretFieldProps {
  readonly label: string;
  readonly agentId: string;
  /** `agents.list[i].backend`. */
  readonly backendPath: string;
  readonly field: Field;
  /** The backend's current value of `field` (masked view: `{secret: NAME}` or a mask). */
  readonly current: unknown;
  readonly hint?: string;
}

/** The `{secret: NAME}` name the config refers to, if any. */
const referencedName = (current: unknown): string | undefined =>
  current !== null && typeof current === 'object' && typeof (current as { secret?: unknown }).secret === 'string' ? (current as { secret: string }).secret : undefined;

/** Password input + Save; says "Stored in the secret store" when the referenced name is there. */
export function SecretField({ label, agentId, backendPath, field, current, hint }: SecretFieldProps) {
  const id = useId();
  const key = configKey(`${backendPath}.${field}`);
  const [text, setText] = useState('');
  const [names, setNames] = useState<readonly string[] | null>(null);
  const running = useUiStore((s) => s.pending[key]?.running ?? false);
  const referenced = referencedName(current);
  useEffect(() => {
    let live = true;
    void listSecretNames(`${key}:list`).then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, [key, referenced]);
  const save = async () => {
    if (text === '') return;
    const ok = await saveAgentSecret(backendPath, field, referenced ?? agentSecretName(agentId, field), text);
    if (ok) {
      setText('');
      setNames(await listSecretNames(`${key}:list`));
    }
  };
  const stored = referenced !== undefined && names?.includes(referenced) === true;
  const status = referenced === undefined ? null : stored ? 'Stored in the secret store.' : names === null ? null : `The secret store has no “${referenced}” yet: enter the key to store it.`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input
          id={id}
          type="password"
          value={text}
          autoComplete="off"
          spellCheck={false}
          placeholder={stored ? 'Enter a new key to replace it' : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
          }}
        />
        <button type="button" className="btn btn-plain" aria-label={`Save ${label}`} disabled={running || text === ''} onClick={() => void save()}>
          {running ? 'Saving…' : 'Save'}
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        {status ? `${status} ` : ''}
        {hint}
      </p>
      <FieldProblems id={`${id}-issues`} trackKey={key} />
    </div>
  );
}
