// A phone number, email or chat id that wraps at sensible points (after @ and dots), never mid-digit.
import { Fragment } from 'react';

/** Props of {@link Handle}. */
export interface HandleProps {
  readonly value: string;
  readonly className?: string;
}

/** The handle with line-break opportunities after "@", "." and ":" only. */
export function Handle({ value, className = 'handle' }: HandleProps) {
  const parts = value.split(/(?<=[@.:])/);
  return (
    <span className={className}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {p}
        </Fragment>
      ))}
    </span>
  );
}
