// Settings verbs: config edits by key path (main validates), the login item, Open config file.
import { api } from '../api/current-api.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { useUiStore } from '../stores/ui-store.js';
import { configKey, LOGIN_ITEM_KEY, REVEAL_CONFIG_KEY } from './keys.js';

const ui = () => useUiStore.getState();

/** Write one config value; main's issues (cross-field ones too) show under the control. */
export async function setConfigValue(path: string, value: unknown): Promise<void> {
  useSettingsStore.getState().setIssues(path, []);
  const data = await ui().track(configKey(path), () => api().call('config:set', { key: path, value }));
  if (!data) return;
  useSettingsStore.getState().setIssues(path, data.issues);
  if (data.ok) await useSettingsStore.getState().load();
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
