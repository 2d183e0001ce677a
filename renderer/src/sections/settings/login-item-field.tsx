// Start at login: a toggle on the packaged Mac app, disabled with the reason everywhere else.
import { useEffect, useId } from 'react';
import type { PlatformView } from '../../../../electron/contract/permissions.js';
import { LOGIN_ITEM_KEY } from '../../actions/keys.js';
import { openLoginItemsSettings, setStartAtLogin } from '../../actions/settings-actions.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useUiStore } from '../../stores/ui-store.js';

/** The Start at login checkbox (a switch), its state and what to do when macOS wants approval. */
export function LoginItemField({ platform }: { readonly platform: PlatformView }) {
  const id = useId();
  const loginItem = useSettingsStore((s) => s.loginItem);
  const loadLoginItem = useSettingsStore((s) => s.loadLoginItem);
  const running = useUiStore((s) => s.pending[LOGIN_ITEM_KEY]?.running ?? false);
  const available = platform.loginItems;
  useEffect(() => {
    if (available) void loadLoginItem();
  }, [available, loadLoginItem]);
  const reason = available
    ? loginItem?.status === 'requires-approval'
      ? 'macOS needs you to allow imsg Companion in System Settings → General → Login Items.'
      : undefined
    : `Only the menu-bar app on macOS can start at login (${platform.launchContext}).`;
  return (
    <div className="field">
      <div className="toggle-row">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={available && (loginItem?.enabled ?? false)}
          disabled={!available || !loginItem || running}
          aria-describedby={reason ? `${id}-reason` : undefined}
          onChange={(e) => void setStartAtLogin(e.target.checked)}
        />
        <label htmlFor={id}>Start at login</label>
      </div>
      {reason ? (
        <p id={`${id}-reason`} className="hint">
          {reason}
        </p>
      ) : null}
      {available && loginItem?.status === 'requires-approval' ? (
        <ActionButton pendingKey={`${LOGIN_ITEM_KEY}:settings`} onClick={() => void openLoginItemsSettings()}>
          Open Login Items
        </ActionButton>
      ) : null}
      <InlineStatus keys={[LOGIN_ITEM_KEY, `${LOGIN_ITEM_KEY}:settings`]} />
    </div>
  );
}
