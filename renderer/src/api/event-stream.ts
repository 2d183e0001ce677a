// An EventSource that also recovers from a closed connection (the browser only retries while CONNECTING).
import type { ConnectionState } from './types.js';

/** What the stream needs from its owner. */
export interface EventStreamOptions {
  readonly EventSource: typeof EventSource;
  readonly reconnectMs: number;
}

interface StreamHooks extends EventStreamOptions {
  readonly onMessage: (name: string, payload: unknown) => void;
  readonly onState: (state: ConnectionState) => void;
  /** Resolves false when the server refused us (401): then the stream stays closed. */
  readonly checkAuth: () => Promise<boolean>;
}

/** Open `url`, parse named JSON events, report connection state; returns a closer. */
export function openEventStream(url: string, names: readonly string[], hooks: StreamHooks): { close(): void } {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const connect = () => {
    const es = new hooks.EventSource(url, { withCredentials: true });
    source = es;
    es.onopen = () => hooks.onState('connected');
    es.onerror = () => {
      hooks.onState('reconnecting');
      // CONNECTING means the browser retries by itself; CLOSED (e.g. HTTP 401/503) needs us.
      if (es.readyState !== hooks.EventSource.CLOSED) return;
      es.close();
      void hooks.checkAuth().then((allowed) => {
        if (allowed && !closed) timer = setTimeout(connect, hooks.reconnectMs);
      });
    };
    for (const name of names) {
      es.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return; // a malformed frame is dropped, the next snapshot repairs the view
        }
        hooks.onMessage(name, payload);
      });
    }
  };

  connect();
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      source?.close();
    },
  };
}
