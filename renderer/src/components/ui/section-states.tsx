// The loading, empty and error states every section shares.
import type { ReactNode } from 'react';

/** "Loading …" announced politely. */
export function Loading({ what }: { readonly what: string }) {
  return (
    <p role="status" className="state state-loading">
      Loading {what}…
    </p>
  );
}

/** A calm empty state: what will appear here, and when. */
export function Empty({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children ? <p className="muted">{children}</p> : null}
    </div>
  );
}

/** A failed load with its message and a Retry button. */
export function LoadError({ what, message, onRetry }: { readonly what: string; readonly message: string; readonly onRetry: () => void }) {
  return (
    <div role="alert" className="state state-error">
      <p className="state-title">Could not load {what}</p>
      <p className="muted">{message}</p>
      <button type="button" className="btn btn-plain" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
