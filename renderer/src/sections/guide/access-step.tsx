// Guide step 5: who may talk to the assistant, in plain words; each choice writes valid config.
import { useId, useState } from 'react';
import { handleProblem } from '../../../../electron/contract/handles.js';
import type { SettingsView } from '../../../../electron/contract/views.js';
import { guideKey } from '../../actions/keys.js';
import { chooseAccess, type AccessChoice } from '../../actions/guide-actions.js';
import { FieldProblems } from '../../components/fields/field-problems.js';
import { useUiStore } from '../../stores/ui-store.js';
import { GuideStep } from './guide-step.js';

const CHOICES: ReadonlyArray<readonly [AccessChoice, string, string]> = [
  ['pairing', 'Only people I approve', 'A stranger gets a code; you approve them here first. Recommended.'],
  ['allowlist', 'Only these numbers', 'Everyone else is ignored without a reply.'],
  ['open', 'Anyone', 'Anyone who texts you gets an AI answer.'],
];

/** The current choice as the settings show it. */
export function currentAccess(s: SettingsView): AccessChoice | null {
  if (s.dmPolicy === 'open') return 'open';
  if (s.dmPolicy === 'allowlist') return 'allowlist';
  if (s.dmPolicy === 'pairing') return 'pairing';
  return null;
}

/** Step 5: three radio choices; "Only these numbers" has its list input. */
export function AccessStep({ settings }: { readonly settings: SettingsView }) {
  const id = useId();
  const current = currentAccess(settings);
  const [choice, setChoice] = useState<AccessChoice>(current ?? 'pairing');
  const [numbers, setNumbers] = useState(settings.allowFrom.filter((h) => h !== '*').join(', '));
  const running = useUiStore((s) => s.pending[guideKey('access')]?.running ?? false);
  const list = numbers.split(/[,\n]/).map((n) => n.trim()).filter(Boolean);
  const problem = choice === 'allowlist' ? (list.length === 0 ? 'Add at least one number or email.' : list.map((n) => handleProblem(n, { allowWildcard: false })).find(Boolean) ?? null) : null;
  return (
    <GuideStep n={5} title="Who may talk to it" state={settings.exists && current ? 'done' : 'todo'}>
      <fieldset className="choices">
        <legend className="sr-only">Who may talk to the assistant</legend>
        {CHOICES.map(([value, label, hint]) => (
          <label key={value} className="choice">
            <input type="radio" name={`${id}-access`} value={value} checked={choice === value} onChange={() => setChoice(value)} />
            <span>
              <strong>{label}</strong>
              <span className="hint"> {hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {choice === 'allowlist' ? (
        <div className="field">
          <label htmlFor={`${id}-numbers`}>Numbers or emails, separated by commas</label>
          <input id={`${id}-numbers`} type="text" value={numbers} spellCheck={false} autoCapitalize="off" aria-invalid={problem !== null || undefined} onChange={(e) => setNumbers(e.target.value)} />
        </div>
      ) : null}
      <button type="button" className="btn btn-primary" disabled={running || problem !== null} onClick={() => void chooseAccess(choice, list)}>
        {running ? 'Saving…' : 'Save choice'}
      </button>
      <FieldProblems id={`${id}-issues`} trackKey={guideKey('access')} extra={problem && choice === 'allowlist' && numbers.trim() !== '' ? [problem] : []} />
    </GuideStep>
  );
}
