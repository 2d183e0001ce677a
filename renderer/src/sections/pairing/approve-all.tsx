// Approve all, behind a confirm step: bulk approval lets every listed stranger reach the assistant.
import { APPROVE_ALL_KEY } from '../../actions/keys.js';
import { approveAll } from '../../actions/pairing-actions.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { ConfirmStep } from '../../components/ui/confirm-step.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { useUiStore } from '../../stores/ui-store.js';

/** The Approve all button (shown from two pending requests on). */
export function ApproveAll({ count }: { readonly count: number }) {
  const confirming = useUiStore((s) => s.confirming === APPROVE_ALL_KEY);
  const setConfirming = useUiStore((s) => s.setConfirming);
  return (
    <div className="approve-all">
      {confirming ? (
        <ConfirmStep
          groupLabel="Confirm approving all"
          question={`Approve all ${count} senders? Each of them can then message your assistant.`}
          pendingKey={APPROVE_ALL_KEY}
          confirmText={`Approve ${count}`}
          confirmLabel="Confirm approve all"
          variant="primary"
          onConfirm={() => void approveAll()}
        />
      ) : (
        <ActionButton pendingKey={APPROVE_ALL_KEY} onClick={() => setConfirming(APPROVE_ALL_KEY)}>
          Approve all
        </ActionButton>
      )}
      <InlineStatus keys={[APPROVE_ALL_KEY]} />
    </div>
  );
}
