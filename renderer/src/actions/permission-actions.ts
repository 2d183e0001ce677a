// Permission verbs: the row buttons and the silent re-check while the popover is visible.
import type { PermissionView } from '../../../electron/contract/permissions.js';
import { api } from '../api/current-api.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { useUiStore } from '../stores/ui-store.js';
import { permissionKey } from './keys.js';

/** The buttons a row may show. */
export type RowAction = PermissionView['actions'][number];

const ui = () => useUiStore.getState();
let checking = false;

/** Re-check every permission without prompting (popover shown, every few seconds while visible). */
export async function recheckPermissions(): Promise<void> {
  if (checking) return; // a slow check (FDA opens chat.db) must not pile up
  checking = true;
  try {
    const res = await api().call('permissions:check', {});
    if (res.ok) useSnapshotStore.getState().applyPermissions(res.data.permissions);
  } finally {
    checking = false;
  }
}

/** Run one row button; a shell call that could not open anything shows its reason on the row. */
export async function runPermissionAction(row: PermissionView, action: RowAction): Promise<void> {
  const key = permissionKey(row.accountId, row.id, action);
  const track = ui().track;
  ui().setNotice(key, null);
  const notOpened = (data: { opened: boolean; reason?: string } | undefined) => {
    if (data && !data.opened) ui().setNotice(key, { tone: 'error', text: data.reason ?? 'Could not open it from here.' });
  };
  switch (action) {
    case 'open-settings':
      return notOpened(await track(key, () => api().call('shell:open-settings', { pane: row.settingsPane ?? 'privacy' })));
    case 'reveal-app':
      return notOpened(await track(key, () => api().call('shell:reveal', { target: 'app' })));
    case 'reveal-imsg':
      return notOpened(await track(key, () => api().call('shell:reveal', { target: 'imsg', accountId: row.accountId })));
    case 'open-messages':
      return notOpened(await track(key, () => api().call('shell:open-messages', {})));
    case 'relaunch': {
      const data = await track(key, () => api().call('app:relaunch', {}));
      if (data && !data.relaunching) ui().setNotice(key, { tone: 'error', text: data.reason ?? 'Could not relaunch from here.' });
      return;
    }
    case 'check-again': {
      const data = await track(key, () => api().call('permissions:check', { accountId: row.accountId }));
      if (data) useSnapshotStore.getState().applyPermissions(data.permissions);
      return;
    }
    case 'request-access': {
      const data = await track(key, () => api().call('permissions:request-automation', { accountId: row.accountId }));
      if (data) useSnapshotStore.getState().applyPermissions([data.permission]);
      return;
    }
  }
}
