// The tray popover: header, connection banner, then the first-run guide or the section tabs.
import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAttention } from '../hooks/use-attention.js';
import { useBrowserNotifications } from '../hooks/use-browser-notifications.js';
import { useLiveUpdates } from '../hooks/use-live-updates.js';
import { useRecheckOnShow } from '../hooks/use-recheck-on-show.js';
import { AccountsSection } from '../sections/accounts/accounts-section.js';
import { ConversationsSection } from '../sections/conversations/conversations-section.js';
import { Guide } from '../sections/guide/guide.js';
import { PairingSection } from '../sections/pairing/pairing-section.js';
import { PermissionsSection } from '../sections/permissions/permissions-section.js';
import { SettingsSection } from '../sections/settings/settings-section.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { useUiStore, type SectionId } from '../stores/ui-store.js';
import { AccessNeeded } from './access-needed.js';
import { Announcer } from './announcer.js';
import { ConnectionBanner } from './connection-banner.js';
import { ErrorBoundary } from './error-boundary.js';
import { panelId, SectionTabs, tabId } from './section-tabs.js';
import { StatusHeader } from './status-header.js';

const PANELS: Readonly<Record<SectionId, () => ReactElement>> = {
  permissions: PermissionsSection,
  pairing: PairingSection,
  accounts: AccountsSection,
  activity: ConversationsSection,
  settings: SettingsSection,
};

/** The whole popover UI; the API must be installed (setApi) before it mounts. */
export function App() {
  useLiveUpdates();
  useRecheckOnShow();
  useAttention();
  useBrowserNotifications(true);
  const connection = useSnapshotStore((s) => s.connection);
  const section = useUiStore((s) => s.section);
  const guideOpen = useUiStore((s) => s.guideOpen);
  const counts = useSnapshotStore(
    useShallow((s) => ({
      pairing: s.snapshot?.pairing.pending.length ?? 0,
      permissions: s.snapshot?.permissions.filter((p) => p.status === 'denied' || p.status === 'not-determined' || p.status === 'unknown').length ?? 0,
    })),
  );
  if (connection === 'unauthorized') return <AccessNeeded />;
  // While the backend is gone every control is disabled (a click would only fail).
  const offline = connection === 'reconnecting';
  const Panel = PANELS[section];
  return (
    <div className="popover">
      <StatusHeader />
      <ConnectionBanner />
      <Announcer />
      {guideOpen ? (
        <main className="panel-scroll">
          <div className="panel">
            <fieldset className="plain-fieldset" disabled={offline}>
              <ErrorBoundary resetKey="guide">
                <Guide />
              </ErrorBoundary>
            </fieldset>
          </div>
        </main>
      ) : (
        <>
          <SectionTabs counts={counts} />
          <main className="panel-scroll">
            <div role="tabpanel" id={panelId(section)} aria-labelledby={tabId(section)} className="panel" tabIndex={0}>
              <fieldset className="plain-fieldset" disabled={offline}>
                <ErrorBoundary resetKey={section}>
                  <Panel />
                </ErrorBoundary>
              </fieldset>
            </div>
          </main>
        </>
      )}
    </div>
  );
}
