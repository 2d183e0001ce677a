// Settings data fetched on demand (not part of the snapshot): the config's effective values and the login item.
import { create } from 'zustand';
import type { LoginItemView } from '../../../electron/contract/permissions.js';
import type { VerbOutput } from '../../../electron/contract/channels.js';
import type { SettingsView } from '../../../electron/contract/views.js';
import { api } from '../api/current-api.js';

/** One config problem with its key path, as `config:set` returns it. */
export type ConfigIssue = VerbOutput<'config:set'>['issues'][number];

/** Settings store shape. */
export interface SettingsState {
  readonly settings: SettingsView | null;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly error: string | null;
  readonly loginItem: LoginItemView | null;
  /** Issues main returned for the last edit of each key path. */
  readonly issues: Readonly<Record<string, readonly ConfigIssue[]>>;
  /** Fetch `settings:get` (section open, Retry, after an edit). */
  load(): Promise<void>;
  /** Fetch the login item state (read-only call: `enabled` omitted). */
  loadLoginItem(): Promise<void>;
  setLoginItem(view: LoginItemView): void;
  setIssues(key: string, issues: readonly ConfigIssue[]): void;
  /** Forget every field's problems (after any successful save). */
  clearIssues(): void;
}

/** Initial data, also used to reset between tests. */
export const settingsInitial = { settings: null, status: 'idle' as const, error: null, loginItem: null, issues: {} };

/** The settings store. */
export const useSettingsStore = create<SettingsState>()((set, get) => ({
  ...settingsInitial,
  async load() {
    if (get().status !== 'ready') set({ status: 'loading' });
    const res = await api().call('settings:get', {});
    if (res.ok) set({ settings: res.data, status: 'ready', error: null });
    else set({ status: 'error', error: res.error.message });
  },
  async loadLoginItem() {
    const res = await api().call('app:login-item', {});
    if (res.ok) set({ loginItem: res.data });
  },
  setLoginItem(loginItem) {
    set({ loginItem });
  },
  setIssues(key, issues) {
    set({ issues: { ...get().issues, [key]: issues } });
  },
  clearIssues() {
    set({ issues: {} });
  },
}));
