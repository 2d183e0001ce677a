// A select bound to one config key path; main validates and its issues show right under it.
import { useId } from 'react';
import { configKey } from '../../actions/keys.js';
import { setConfigValue } from '../../actions/settings-actions.js';
import { useSettingsStore } from '../../stores/settings-store.js';
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
}

const NO_ISSUES: readonly never[] = [];

/** A labelled select; disabled while its write runs, with issues and call errors described on it. */
export function PolicySelect({ label, path, value, options, hint }: PolicySelectProps) {
  const id = useId();
  const issues = useSettingsStore((s) => s.issues[path] ?? NO_ISSUES);
  const pending = useUiStore((s) => s.pending[configKey(path)]);
  const problems = [...issues.map((i) => i.message), ...(pending?.error ? [pending.error] : [])];
  const describedBy = [hint ? `${id}-hint` : '', problems.length > 0 ? `${id}-issues` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={pending?.running ?? false}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy}
        onChange={(e) => void setConfigValue(path, e.target.value)}
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
      {problems.length > 0 ? (
        <ul id={`${id}-issues`} role="alert" className="issues">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
