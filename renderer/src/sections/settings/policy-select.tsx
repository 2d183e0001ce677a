// A select bound to one config key path; main validates and its issues show right under it.
import { useId } from 'react';
import { configKey } from '../../actions/keys.js';
import { setConfigValue } from '../../actions/settings-actions.js';
import { FieldProblems, useFieldProblems } from '../../components/fields/field-problems.js';
import { useUiStore } from '../../stores/ui-store.js';

/** Props of {@link PolicySelect}. */
export interface PolicySelectProps {
  /** Visible label, also the accessible name ("DM policy"). */
  readonly label: string;
  /** Config key path written by `config:set` ("channels.imessage.dmPolicy"). */
  readonly path: string;
  readonly value: string;
  readonly options: ReadonlyArray<readonly [value: string, text: string]>;
  readonly hint?: string;
  /** Write the choice another way (dmPolicy "open" also needs the "*"); default: config:set of `path`. */
  readonly onChoose?: (value: string) => void;
}

/** A labelled select; disabled while its write runs, with issues and call errors described on it. */
export function PolicySelect({ label, path, value, options, hint, onChoose }: PolicySelectProps) {
  const id = useId();
  const running = useUiStore((s) => s.pending[configKey(path)]?.running ?? false);
  const problems = useFieldProblems(configKey(path));
  const describedBy = [hint ? `${id}-hint` : '', problems.length > 0 ? `${id}-issues` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={running}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy}
        onChange={(e) => (onChoose ? onChoose(e.target.value) : void setConfigValue(path, e.target.value))}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems id={`${id}-issues`} trackKey={configKey(path)} />
    </div>
  );
}
