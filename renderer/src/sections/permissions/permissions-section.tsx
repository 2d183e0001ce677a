// The Permissions section: one row per check (per account when several), re-checked while visible.
import type { PermissionView, PlatformView } from '../../../../electron/contract/permissions.js';
import { recheckPermissions } from '../../actions/permission-actions.js';
import { SnapshotGate } from '../../components/snapshot-gate.js';
import { Empty } from '../../components/ui/section-states.js';
import { useVisibleInterval } from '../../hooks/use-visible-interval.js';
import { useSnapshotStore } from '../../stores/snapshot-store.js';
import { PermissionRow } from './permission-row.js';

/** How often the rows are re-checked while the section is visible (a grant shows up within seconds). */
export const RECHECK_MS = 5000;

function groupByAccount(rows: readonly PermissionView[]): Array<[string, PermissionView[]]> {
  const groups = new Map<string, PermissionView[]>();
  for (const row of rows) groups.set(row.accountId, [...(groups.get(row.accountId) ?? []), row]);
  return [...groups.entries()];
}

function PlatformNote({ platform }: { readonly platform: PlatformView }) {
  if (!platform.macos) {
    return (
      <p className="callout callout-info">
        These are macOS permissions, so there is nothing to grant on {platform.os}. The imsg program and the Messages database are still checked below.
      </p>
    );
  }
  if (platform.mode === 'app') return null;
  return <p className="callout callout-info">{platform.launchContext}: macOS asks about the app that started it, so grants go there.</p>;
}

/** The Permissions panel. */
export function PermissionsSection() {
  // Off macOS every row is "not applicable": nothing can change, so nothing to poll.
  const macos = useSnapshotStore((s) => s.snapshot?.platform.macos ?? false);
  useVisibleInterval(() => void recheckPermissions(), RECHECK_MS, macos);
  return (
    <SnapshotGate what="permissions">
      {(snapshot) => {
        const groups = groupByAccount(snapshot.permissions);
        const several = groups.length > 1;
        return (
          <>
            <PlatformNote platform={snapshot.platform} />
            {groups.length === 0 ? (
              <Empty title="No checks yet">The first permission check runs when imsg Companion starts an account.</Empty>
            ) : (
              groups.map(([accountId, rows]) => (
                <section key={accountId} aria-label={several ? `Account ${accountId}` : 'Checks'}>
                  {several ? <h2 className="group-title">Account {accountId}</h2> : null}
                  <ul className="rows">
                    {rows.map((row) => (
                      <PermissionRow key={row.id} row={row} accountSuffix={several ? ` (${accountId})` : ''} />
                    ))}
                  </ul>
                </section>
              ))
            )}
          </>
        );
      }}
    </SnapshotGate>
  );
}
