// Settings → App: whether macOS notifications work (an unsigned build gets none; a refused one
// says why), and Reveal logs (the log file main or serve writes). Main decides; this only shows it.
import type { PlatformView } from '../../../../electron/contract/permissions.js';
import { api } from '../../api/current-api.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { useUiStore } from '../../stores/ui-store.js';

/** The Reveal logs button's tracking key. */
export const REVEAL_LOGS_KEY = 'reveal-logs';

async function revealLogs(): Promise<void> {
  const ui = useUiStore.getState();
  ui.setNotice(REVEAL_LOGS_KEY, null);
  const data = await ui.track(REVEAL_LOGS_KEY, () => api().call('app:reveal-logs', {}));
  if (data && !data.opened) ui.setNotice(REVEAL_LOGS_KEY, { tone: 'error', text: data.reason ?? `Could not show ${data.path}` });
}

/** Notification state and the log file. */
export function AppDiagnostics({ platform }: { readonly platform: PlatformView }) {
  const problem = platform.notifications && !platform.notifications.ok ? platform.notifications.problem : undefined;
  return (
    <>
      {problem ? <p className="hint" role="status">Notifications: {problem}</p> : null}
      {platform.logPath ? (
        <div className="field">
          <p className="hint mono" title={platform.logPath}>
            {platform.logPath}
          </p>
          <ActionButton pendingKey={REVEAL_LOGS_KEY} onClick={() => void revealLogs()}>
            Reveal logs
          </ActionButton>
          <InlineStatus keys={[REVEAL_LOGS_KEY]} />
        </div>
      ) : null}
    </>
  );
}
