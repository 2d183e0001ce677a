// The inline "are you sure?" step for actions that are hard to undo (Revoke, Approve all).
import { useUiStore } from '../../stores/ui-store.js';
import { ActionButton } from './action-button.js';

/** Props of {@link ConfirmStep}. */
export interface ConfirmStepProps {
  /** Accessible name of the group ("Confirm revoking carol@…"). */
  readonly groupLabel: string;
  readonly question: string;
  /** The tracked call key of the confirmed action. */
  readonly pendingKey: string;
  /** Visible text and accessible name of the confirm button. */
  readonly confirmText: string;
  readonly confirmLabel: string;
  readonly variant: 'primary' | 'danger';
  readonly onConfirm: () => void;
}

/** The question with Confirm and Cancel; Cancel gets the focus, so Enter never confirms by accident. */
export function ConfirmStep({ groupLabel, question, pendingKey, confirmText, confirmLabel, variant, onConfirm }: ConfirmStepProps) {
  const setConfirming = useUiStore((s) => s.setConfirming);
  return (
    <div className="confirm" role="group" aria-label={groupLabel}>
      <p>{question}</p>
      <div className="actions">
        <ActionButton pendingKey={pendingKey} label={confirmLabel} variant={variant} onClick={onConfirm}>
          {confirmText}
        </ActionButton>
        <button type="button" className="btn btn-plain" autoFocus onClick={() => setConfirming(null)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
