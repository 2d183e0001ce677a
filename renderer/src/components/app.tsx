// The tray popover: header, connection banner, section tabs and the open section.
import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLiveUpdates } from '../hooks/use-live-updates.js';
import { useRecheckOnShow } from '../hooks/use-recheck-on-show.js';
import { AccountsSection } from '../sections/accounts/accounts-section.js';
import { ActivitySection } from '../sections/activity/activity-section.js';
import { PairingSection } from '../sections/pairing/pairing-section.js';
import { PermissionsSection } from '../sections/permissions/permissions-section.js';
import { SettingsSection } from '../sections/settings/settings-section.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { useUiStore, type SectionId } from '../stores/ui-store.js';
import { AccessNeeded } from './access-needed.js';
import { ConnectionBanner } from './connection-banner.js';
import { ErrorBoundary } from './error-boundary.js';
import { panelId, SectionTabs, tabId } from './section-tabs.js';
import { StatusHeader } from './status-header.js';

const PANELS: Readonly<Record<SectionId, () => ReactElement>> = {
  permissions: PermissionsSection,
  pairing: PairingSection,
  accounts: AccountsSection,
  activity: ActivitySection,
  settings: SettingsSection,
};

/** The whole popover UI; the API must be installed (setApi) before it mounts. */
export function App() {
  useLiveUpdates();
  useRecheckOnShow();
  const connection = useSnapshotStore((s) => s.connection);
  const section = useUiStore((s) => s.section);
  const counts = useSnapshotStore(
    useShallow((s) => ({
      pairing: s.snapshot?.pairing.pending.length ?? 0,
      permissions: s.snapshot?.permissions.filter((p) => p.status === 'denied' || p.status === 'not-determined' || p.status === 'unknown').length ?? 0,
    })),
  );
  if (connection === 'unauthorized') return <AccessNeeded />;
  const Panel = PANELS[section];
  return (
    <div className="popover">
      <StatusHeader />
      <ConnectionBanner />
      <SectionTabs counts={counts} />
      <main className="panel-scroll">
        <div role="tabpanel" id={panelId(section)} aria-labelledby={tabId(section)} className="panel" tabIndex={0}>
          <ErrorBoundary resetKey={section}>
            <Panel />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
