// Puts every store back to its first state (tests; a fresh window starts there anyway).
import { activityInitial, useActivityStore } from './activity-store.js';
import { messagesInitial, useMessagesStore } from './messages-store.js';
import { settingsInitial, useSettingsStore } from './settings-store.js';
import { snapshotInitial, useSnapshotStore } from './snapshot-store.js';
import { uiInitial, useUiStore } from './ui-store.js';

/** Reset the data of all stores, keeping their actions. */
export function resetStores(): void {
  useSnapshotStore.setState(snapshotInitial);
  useActivityStore.setState(activityInitial);
  useSettingsStore.setState(settingsInitial);
  useUiStore.setState(uiInitial);
  useMessagesStore.setState(messagesInitial);
}
