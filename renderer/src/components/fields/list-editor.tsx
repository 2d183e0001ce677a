// A list of handles (allowFrom, groupAllowFrom, mention patterns): add with a check, remove each.
import { useId, useState } from 'react';
import { handleProblem } from '../../../../electron/contract/handles.js';
import { configKey } from '../../actions/keys.js';
import { setConfigValue } from '../../actions/settings-actions.js';
import { useUiStore } from '../../stores/ui-store.js';
import { Handle } from '../handle.js';
import { FieldProblems } from './field-problems.js';

/** Props of {@link ListEditor}. */
export interface ListEditorProps {
  readonly label: string;
  readonly path: string;
  readonly items: readonly string[];
  readonly hint?: string;
  /** 'handle' checks phone numbers and emails; 'text' takes anything non-empty (mention patterns). */
  readonly kind?: 'handle' | 'text';
  readonly addLabel?: string;
  readonly placeholder?: string;
}

/** The items with Remove buttons and an input + Add; the whole list is written at once. */
export function ListEditor({ label, path, items, hint, kind = 'handle', addLabel = 'Add', placeholder }: ListEditorProps) {
  const id = useId();
  const key = configKey(path);
  const [text, setText] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const running = useUiStore((s) => s.pending[key]?.running ?? false);
  const add = async () => {
    const v = text.trim();
    const problem = kind === 'handle' ? handleProblem(v) : v === '' ? 'Enter some text.' : null;
    if (problem) return setLocal(problem);
    if (items.includes(v)) return setLocal(`${v} is already on the list.`);
    setLocal(null);
    if (await setConfigValue(path, [...items, v])) setText('');
  };
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} className="field-label">
        {label}
      </p>
      {hint ? <p className="hint">{hint}</p> : null}
      {items.length > 0 ? (
        <ul className="chips-list" aria-label={label}>
          {items.map((item) => (
            <li key={item} className="list-chip">
              {item === '*' ? <span>Anyone (*)</span> : <Handle value={item} />}
              <button type="button" className="btn btn-plain btn-small" aria-label={`Remove ${item}`} disabled={running} onClick={() => void setConfigValue(path, items.filter((x) => x !== item))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet.</p>
      )}
      <div className="input-row">
        <label htmlFor={id} className="sr-only">
          {addLabel} to {label}
        </label>
        <input
          id={id}
          type="text"
          value={text}
          placeholder={placeholder ?? (kind === 'handle' ? '+1 555 123 4567 or name@example.com' : '')}
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={local !== null || undefined}
          aria-describedby={local ? `${id}-issues` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (local) setLocal(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void add();
          }}
        />
        <button type="button" className="btn btn-plain" disabled={running} onClick={() => void add()}>
          {addLabel}
        </button>
      </div>
      <FieldProblems id={`${id}-issues`} trackKey={key} extra={local ? [local] : []} />
    </div>
  );
}
