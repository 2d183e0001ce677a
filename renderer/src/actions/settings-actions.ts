// Settings verbs: config edits by key path (main validates), the login item, Open config file.
import { api } from '../api/current-api.js';
import { type ConfigIssue, useSettingsStore } from '../stores/settings-store.js';
import { useUiStore } from '../stores/ui-store.js';
import { configKey, LOGIN_ITEM_KEY, REVEAL_CONFIG_KEY } from './keys.js';

const ui = () => useUiStore.getState();

/** After a config write: main's issues under the control, or clear every earlier problem, say "Saved" and reload. */
async function settle(trackKey: string, data: { ok: boolean; issues: ConfigIssue[] } | undefined): Promise<boolean> {
  if (!data) return false;
  if (!data.ok) {
    useSettingsStore.getState().setIssues(trackKey, data.issues);
    return false;
  }
  useSettingsStore.getState().clearIssues();
  ui().setNotice(trackKey, { tone: 'ok', text: 'Saved' });
  await useSettingsStore.getState().load();
  return true;
}

/** Forget the control's last problems and "Saved" before a new write. */
function startWrite(trackKey: string): void {
  useSettingsStore.getState().setIssues(trackKey, []);
  ui().setNotice(trackKey, null);
}

/**
 * Write one config value; main's issues (cross-field ones too) show under the control, and a
 * success clears every earlier problem (a later fix often resolves an error shown elsewhere) and says "Saved".
 * `trackKey` groups several writes under one control. Resolves true when written.
 */
export async function setConfigValue(path: string, value: unknown, trackKey = configKey(path)): Promise<boolean> {
  startWrite(trackKey);
  return settle(trackKey, await ui().track(trackKey, () => api().call('config:set', { key: path, value })));
}

/** Remove one config key (an empty field means "use the default"). */
export async function unsetConfigValue(path: string, trackKey = configKey(path)): Promise<boolean> {
  startWrite(trackKey);
  return settle(trackKey, await ui().track(trackKey, () => api().call('config:unset', { key: path })));
}

/** The Mac app's "Choose…": main shows the file dialog and writes the account's cliPath (`path`, its key); Cancel changes nothing. */
export async function pickCliPath(accountId: string, path: string): Promise<boolean> {
  const trackKey = configKey(path);
  startWrite(trackKey);
  const data = await ui().track(trackKey, () => api().call('account:pick-cli-path', { accountId }));
  return data?.canceled ? false : settle(trackKey, data);
}

/** Turn start-at-login on or off. */
export async function setStartAtLogin(enabled: boolean): Promise<void> {
  const data = await ui().track(LOGIN_ITEM_KEY, () => api().call('app:login-item', { enabled }));
  if (data) useSettingsStore.getState().setLoginItem(data);
}

/** Open System Settings → Login Items (when macOS wants the user to approve us there). */
export async function openLoginItemsSettings(): Promise<void> {
  await ui().track(`${LOGIN_ITEM_KEY}:settings`, () => api().call('shell:open-settings', { pane: 'login-items' }));
}

/** Show the config file in Finder (or say why not). */
export async function revealConfig(): Promise<void> {
  ui().setNotice(REVEAL_CONFIG_KEY, null);
  const data = await ui().track(REVEAL_CONFIG_KEY, () => api().call('shell:reveal', { target: 'config' }));
  if (data && !data.opened) ui().setNotice(REVEAL_CONFIG_KEY, { tone: 'error', text: data.reason ?? `Could not open ${data.path}` });
}
