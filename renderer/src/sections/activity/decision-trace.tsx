// The explain trace of one decision: each policy step with ✓/✗ and its detail.
import type { ActivityEntry } from '../../../../electron/contract/views.js';

type Step = NonNullable<ActivityEntry['steps']>[number];

const MARK: Readonly<Record<Step['outcome'], { mark: string; spoken: string }>> = {
  pass: { mark: '✓', spoken: 'passed' },
  drop: { mark: '✗', spoken: 'dropped' },
  pairing: { mark: '⚑', spoken: 'pairing' },
  info: { mark: '•', spoken: 'note' },
};

/** Props of {@link DecisionTrace}. */
export interface DecisionTraceProps {
  readonly id: string;
  readonly entry: ActivityEntry;
}

/** The trace list (or the entry's detail when it has no steps). */
export function DecisionTrace({ id, entry }: DecisionTraceProps) {
  const steps = entry.steps ?? [];
  return (
    <div id={id} className="trace">
      {steps.length > 0 ? (
        <ol aria-label="Decision trace" className="trace-steps">
          {steps.map((s, i) => (
            <li key={i} className={`trace-step trace-${s.outcome}`}>
              <span className="trace-mark" aria-hidden="true">
                {MARK[s.outcome].mark}
              </span>
              <span className="sr-only">{MARK[s.outcome].spoken}: </span>
              <span className="trace-name">{s.step}</span> <span className="trace-detail">{s.detail}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {entry.detail ? <p className="detail">{entry.detail}</p> : null}
    </div>
  );
}
