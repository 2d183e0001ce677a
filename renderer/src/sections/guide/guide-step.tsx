// One numbered step of the first-run guide: title, a done/needs-you badge, and its content.
import type { ReactNode } from 'react';
import { Badge } from '../../components/ui/badge.js';

/** A step's state as the guide shows it. */
export type StepState = 'done' | 'todo' | 'failing' | 'waiting';

const BADGE: Readonly<Record<StepState, { label: string; tone: 'ok' | 'warning' | 'error' | 'neutral' }>> = {
  done: { label: 'Done', tone: 'ok' },
  todo: { label: 'To do', tone: 'warning' },
  failing: { label: 'Needs you', tone: 'error' },
  waiting: { label: 'Not checked yet', tone: 'neutral' },
};

/** Props of {@link GuideStep}. */
export interface GuideStepProps {
  readonly n: number;
  readonly title: string;
  readonly state: StepState;
  readonly children: ReactNode;
}

/** A list item with a heading (so screen-reader users can jump between steps). */
export function GuideStep({ n, title, state, children }: GuideStepProps) {
  return (
    <li className={`guide-step step-${state}`} aria-labelledby={`guide-step-${n}`}>
      <div className="row-head">
        <h2 id={`guide-step-${n}`} className="row-title">
          <span className="step-n" aria-hidden="true">
            {n}
          </span>{' '}
          {title}
        </h2>
        <Badge tone={BADGE[state].tone}>{BADGE[state].label}</Badge>
      </div>
      {children}
    </li>
  );
}
