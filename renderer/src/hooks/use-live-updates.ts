// Wires the transport's pushed events into the stores for the lifetime of the app.
import { useEffect } from 'react';
import { api } from '../api/current-api.js';
import { useActivityStore } from '../stores/activity-store.js';
import { useMessagesStore } from '../stores/messages-store.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { useUiStore } from '../stores/ui-store.js';

/** Load the first snapshot, follow the pushed events, and refetch after a reconnect. */
export function useLiveUpdates(): void {
  useEffect(() => {
    const transport = api();
    const snap = useSnapshotStore.getState();
    const offs = [
      transport.on('snapshot', (s) => useSnapshotStore.getState().apply(s)),
      transport.on('activity', (e) => {
        useActivityStore.getState().push(e);
        useMessagesStore.getState().refreshSoon();
      }),
      transport.on('pairing:new', (r) => useSnapshotStore.getState().addPending(r)),
      // Main opens a section (tray menu "Pairing requests…", a notification click).
      transport.on('ui:navigate', ({ section }) => useUiStore.getState().setSection(section)),
    ];
    let wasDown = false;
    if (transport.onConnection) {
      offs.push(
        transport.onConnection((state) => {
          useSnapshotStore.getState().setConnection(state);
          // Events sent while we were away are gone: catch up once the stream is back.
          if (state === 'connected' && wasDown) void useSnapshotStore.getState().load();
          wasDown = state === 'reconnecting';
        }),
      );
    }
    void snap.load();
    return () => {
      for (const off of offs) off();
    };
  }, []);
}
