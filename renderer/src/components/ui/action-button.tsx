// A button bound to one tracked verb call: shows progress and stays disabled while it runs.
import { useUiStore } from '../../stores/ui-store.js';

/** Props of {@link ActionButton}. */
export interface ActionButtonProps {
  /** The tracked call key (see actions/keys.ts). */
  readonly pendingKey: string;
  /** Visible text. */
  readonly children: string;
  /** Accessible name when the visible text alone is ambiguous ("Approve" → "Approve ABC123"). */
  readonly label?: string;
  readonly onClick: () => void;
  readonly variant?: 'primary' | 'danger' | 'plain';
  readonly disabled?: boolean;
  readonly autoFocus?: boolean;
}

/** A button that runs a verb; while the call runs it reads "…" and cannot be clicked again. */
export function ActionButton({ pendingKey, children, label, onClick, variant = 'plain', disabled, autoFocus }: ActionButtonProps) {
  const running = useUiStore((s) => s.pending[pendingKey]?.running ?? false);
  return (
    <button
      type="button"
      className={`btn btn-${variant}`}
      aria-label={label}
      aria-busy={running || undefined}
      disabled={disabled || running}
      autoFocus={autoFocus}
      onClick={onClick}
    >
      {running ? `${children}…` : children}
    </button>
  );
}
