// A labelled text input written to one config key on Save (or Enter); empty = remove the key.
import { type ReactNode, useEffect, useId, useState } from 'react';
import { configKey } from '../../actions/keys.js';
import { setConfigValue, unsetConfigValue } from '../../actions/settings-actions.js';
import { useUiStore } from '../../stores/ui-store.js';
import { FieldProblems, useFieldProblems } from './field-problems.js';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  readonly label: string;
  /** Config key path ("channels.imessage.cliPath"). */
  readonly path: string;
  readonly value: string;
  readonly hint?: string;
  readonly placeholder?: string;
  /** Turn the typed text into the value to write (e.g. split a command line); default: the text. */
  readonly toValue?: (text: string) => unknown;
  /** When false, an empty field is refused instead of removing the key. */
  readonly clearable?: boolean;
  /** More buttons after Save (e.g. the Mac app's "Choose…"). */
  readonly actions?: ReactNode;
}

/** Input + Save; problems in plain words under it, cleared by the next good save. */
export function TextField({ label, path, value, hint, placeholder, toValue, clearable = true, actions }: TextFieldProps) {
  const id = useId();
  const key = configKey(path);
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const running = useUiStore((s) => s.pending[key]?.running ?? false);
  const problems = useFieldProblems(key);
  const save = () => {
    if (text.trim() === '') {
      if (clearable) void unsetConfigValue(path);
      return;
    }
    void setConfigValue(path, toValue ? toValue(text.trim()) : text.trim());
  };
  const describedBy = [hint ? `${id}-hint` : '', problems.length > 0 ? `${id}-issues` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input
          id={id}
          type="text"
          value={text}
          placeholder={placeholder}
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={describedBy}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
        />
        <button type="button" className="btn btn-plain" aria-label={`Save ${label}`} disabled={running || text === value} onClick={save}>
          {running ? 'Saving…' : 'Save'}
        </button>
        {actions}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems id={`${id}-issues`} trackKey={key} />
    </div>
  );
}
