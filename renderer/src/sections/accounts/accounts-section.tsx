// The Accounts section: one card per configured account.
import { SnapshotGate } from '../../components/snapshot-gate.js';
import { Empty } from '../../components/ui/section-states.js';
import { AccountCard } from './account-card.js';
import { AcpBindings } from './acp-bindings.js';

/** The Accounts panel. */
export function AccountsSection() {
  return (
    <SnapshotGate what="accounts">
      {(snapshot) =>
        snapshot.accounts.length === 0 ? (
          <Empty title="No accounts configured">Add channels.imessage to the config file (Settings → Open config file) to start watching Messages.</Empty>
        ) : (
          <div className="rows">
            {snapshot.accounts.map((a) => (
              <AccountCard key={a.accountId} account={a} />
            ))}
            <AcpBindings sessions={snapshot.acp?.sessions} />
          </div>
        )
      }
    </SnapshotGate>
  );
}
