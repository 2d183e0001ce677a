// The renderer's only door to the app: verbs and pushed events from the contract, whatever the transport.
import type { EventName, EventPayload, VerbInput, VerbName, VerbOutput, VerbResult } from '../../../electron/contract/channels.js';

/** How the transport is doing; the Electron preload is always connected, the web one may drop. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

/** The seam both transports implement (Electron preload `window.imsgCompanion`, or the web API). */
export interface CompanionApi {
  /** Run one contract verb; never throws, errors come back as `{ ok: false }`. */
  call<V extends VerbName>(verb: V, input: VerbInput<V>): Promise<VerbResult<VerbOutput<V>>>;
  /** Subscribe to a pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Transport state changes (optional: a transport without it counts as always connected). */
  onConnection?(listener: (state: ConnectionState) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge (absent in a browser). */
    imsgCompanion?: CompanionApi;
  }
}
