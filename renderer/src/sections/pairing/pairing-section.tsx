// The Pairing section: pending requests (newest last, as they arrived) and the approved senders.
import { SnapshotGate } from '../../components/snapshot-gate.js';
import { Empty } from '../../components/ui/section-states.js';
import { ApproveAll } from './approve-all.js';
import { ApprovedList } from './approved-list.js';
import { BlockedList, RecentBlocks, WaitingList } from './blocked-list.js';
import { PendingRow } from './pending-row.js';

/** The Pairing panel. */
export function PairingSection() {
  return (
    <SnapshotGate what="pairing requests">
      {(snapshot) => {
        const { pending, approved, problem } = snapshot.pairing;
        const showAccount = snapshot.accounts.length > 1;
        return (
          <>
            {problem ? (
              <p role="alert" className="callout callout-error">
                {problem}
              </p>
            ) : null}
            <RecentBlocks />
            <div className="section-head">
              <h2 className="group-title">Pending requests</h2>
              {pending.length >= 2 ? <ApproveAll count={pending.length} /> : null}
            </div>
            {pending.length === 0 ? (
              <Empty title="No pending requests">When someone new messages you, they appear here with Approve and Deny.</Empty>
            ) : (
              <ul className="rows" aria-label="Pending requests">
                {pending.map((r) => (
                  <PendingRow key={`${r.accountId}:${r.id}`} request={r} showAccount={showAccount} />
                ))}
              </ul>
            )}
            <WaitingList waiting={snapshot.pairing.waiting ?? []} />
            <h2 className="group-title">Approved senders</h2>
            <ApprovedList approved={approved} showAccount={showAccount} />
            <h2 className="group-title">Blocked</h2>
            <BlockedList blocked={snapshot.pairing.blocked ?? []} showAccount={showAccount} />
          </>
        );
      }}
    </SnapshotGate>
  );
}
