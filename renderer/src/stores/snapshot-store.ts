// The app state pushed by main/serve (plus the transport's connection state). Rendered, never computed.
import { create } from 'zustand';
import type { PermissionView } from '../../../electron/contract/permissions.js';
import type { PairingRequestView, Snapshot } from '../../../electron/contract/views.js';
import { api } from '../api/current-api.js';
import type { ConnectionState } from '../api/types.js';

/** Snapshot store shape. */
export interface SnapshotState {
  readonly snapshot: Snapshot | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly connection: ConnectionState;
  /** Fetch a fresh snapshot (first load, reconnect, Retry). */
  load(): Promise<void>;
  /** Replace the snapshot with a pushed one. */
  apply(snapshot: Snapshot): void;
  /** Show a pushed `pairing:new` at once, before the next snapshot arrives. */
  addPending(request: PairingRequestView): void;
  /** Put the rows of a fresh permission check in place of the ones they re-checked. */
  applyPermissions(rows: readonly PermissionView[]): void;
  setConnection(state: ConnectionState): void;
}

/** Initial data, also used to reset between tests. */
export const snapshotInitial = { snapshot: null, loading: false, error: null, connection: 'connected' as ConnectionState };

/** The pushed snapshot store. */
export const useSnapshotStore = create<SnapshotState>()((set, get) => ({
  ...snapshotInitial,
  async load() {
    set({ loading: true });
    const res = await api().call('status:get', {});
    if (res.ok) set({ snapshot: res.data, loading: false, error: null });
    else set({ loading: false, error: res.error.message });
  },
  apply(snapshot) {
    set({ snapshot, error: null, loading: false });
  },
  addPending(request) {
    const snap = get().snapshot;
    if (!snap || snap.pairing.pending.some((p) => p.id === request.id && p.accountId === request.accountId)) return;
    set({ snapshot: { ...snap, pairing: { ...snap.pairing, pending: [...snap.pairing.pending, request] } } });
  },
  applyPermissions(rows) {
    const snap = get().snapshot;
    if (!snap || rows.length === 0) return;
    const key = (p: PermissionView) => `${p.accountId}\u0000${p.id}`;
    const fresh = new Map(rows.map((p) => [key(p), p]));
    const kept = snap.permissions.map((p) => fresh.get(key(p)) ?? p);
    const added = rows.filter((p) => !snap.permissions.some((old) => key(old) === key(p)));
    set({ snapshot: { ...snap, permissions: [...kept, ...added] } });
  },
  setConnection(connection) {
    set({ connection });
  },
}));
