// A small coloured status pill; the colour is decoration, the text carries the meaning.
import type { ReactNode } from 'react';
import type { Tone } from '../../format/labels.js';

/** Props of {@link Badge}. */
export interface BadgeProps {
  readonly tone: Tone;
  readonly children: ReactNode;
  readonly title?: string;
}

/** A status pill ("Granted", "Watching", "Dropped · no mention"). */
export function Badge({ tone, children, title }: BadgeProps) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
