// The browser transport of `imsg-companion serve`: POST /v1/verb/<name> and EventSource /v1/events.
import type { VerbErrorCode, VerbResult } from '../../../electron/contract/channels.js';
import { EVENT_NAMES } from '../../../electron/contract/names.js';
import { openEventStream, type EventStreamOptions } from './event-stream.js';
import type { CompanionApi, ConnectionState } from './types.js';

/** Shown when the session cookie is missing: only the printed link carries the token. */
export const UNAUTHORIZED_MESSAGE = 'Open the link printed by imsg-companion serve --web (it contains the access token).';

/** Injection points for tests; the defaults are the browser's globals. */
export interface WebApiOptions extends Partial<EventStreamOptions> {
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

function failure(code: VerbErrorCode, message: string): VerbResult<never> {
  return { ok: false, error: { code, message } };
}

/** Create the web transport; the event stream opens with the first subscriber. */
export function createWebApi(options: WebApiOptions = {}): CompanionApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let stream: { close(): void } | null = null;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of connectionListeners) l(next);
  };

  const post = async (verb: string, input: unknown): Promise<VerbResult<unknown>> => {
    let res: Response;
    try {
      // Verb names are [a-z:-] only, so they go into the path as they are.
      res = await doFetch(`${base}/v1/verb/${verb}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return failure('unavailable', 'Cannot reach imsg-companion serve. Is it still running?');
    }
    if (res.status === 401) {
      setState('unauthorized');
      return failure('forbidden', UNAUTHORIZED_MESSAGE);
    }
    try {
      const body = (await res.json()) as VerbResult<unknown>;
      if (typeof body === 'object' && body !== null && typeof body.ok === 'boolean') return body;
    } catch {
      // fall through: not our JSON
    }
    return failure(res.ok ? 'failed' : 'unavailable', `Unexpected answer from imsg-companion serve (HTTP ${res.status})`);
  };

  const ensureStream = () => {
    if (stream || state === 'unauthorized') return;
    stream = openEventStream(`${base}/v1/events`, EVENT_NAMES, {
      EventSource: options.EventSource ?? globalThis.EventSource,
      reconnectMs: options.reconnectMs ?? 2000,
      onMessage: (name, payload) => {
        for (const l of listeners.get(name) ?? []) l(payload as never);
      },
      onState: (next) => setState(next),
      // A closed stream may mean a lost cookie: ask a cheap verb, which flags a 401.
      checkAuth: async () => (await post('status:get', {})).ok || state !== 'unauthorized',
    });
  };

  return {
    call: (verb, input) => post(verb, input) as never,
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      ensureStream();
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(state);
      ensureStream();
      return () => {
        connectionListeners.delete(listener);
      };
    },
  };
}
