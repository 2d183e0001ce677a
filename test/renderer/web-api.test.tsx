// @vitest-environment jsdom
// The web transport: verb POSTs, 401 handling, named SSE events, and reconnecting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../renderer/src/api/types.js';
import { createWebApi, UNAUTHORIZED_MESSAGE } from '../../renderer/src/api/web-api.js';
import { pending, snapshot } from './fixtures.js';

/** A minimal EventSource the test drives by hand. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readonly handlers = new Map<string, (e: MessageEvent<string>) => void>();
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, handler: (e: MessageEvent<string>) => void) {
    this.handlers.set(name, handler);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  send(name: string, data: string) {
    this.handlers.get(name)?.(new MessageEvent(name, { data }));
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.();
  }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(fetchImpl: typeof fetch) {
  FakeEventSource.instances = [];
  const fetchMock = vi.fn(fetchImpl);
  const api = createWebApi({ baseUrl: 'http://127.0.0.1:4000', fetch: fetchMock, EventSource: FakeEventSource as unknown as typeof EventSource, reconnectMs: 50 });
  const states: ConnectionState[] = [];
  api.onConnection?.((s) => states.push(s));
  return { api, fetchMock, states, es: () => FakeEventSource.instances.at(-1) as FakeEventSource };
}

afterEach(() => vi.useRealTimers());

describe('createWebApi', () => {
  it('POSTs a verb as JSON with the session cookie and returns the server union', async () => {
    const { api, fetchMock } = setup(async () => json(200, { ok: true, data: { revoked: true } }));
    const res = await api.call('pairing:revoke', { handle: 'a@b.c' });
    expect(res).toEqual({ ok: true, data: { revoked: true } });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:4000/v1/verb/pairing:revoke');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"handle":"a@b.c"}');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });

  it('passes error unions through, whatever the HTTP status', async () => {
    const { api } = setup(async () => json(400, { ok: false, error: { code: 'invalid-input', message: 'pairing:approve: code: too short' } }));
    expect(await api.call('pairing:approve', { code: 'x' })).toEqual({ ok: false, error: { code: 'invalid-input', message: 'pairing:approve: code: too short' } });
  });

  it('turns a 401 into the access-link state', async () => {
    const { api, states } = setup(async () => new Response('', { status: 401 }));
    expect(await api.call('status:get', {})).toEqual({ ok: false, error: { code: 'forbidden', message: UNAUTHORIZED_MESSAGE } });
    expect(states.at(-1)).toBe('unauthorized');
  });

  it('reports a network failure or a non-JSON answer as an error, never a throw', async () => {
    const down = setup(async () => {
      throw new TypeError('fetch failed');
    });
    expect((await down.api.call('status:get', {})).ok).toBe(false);
    const html = setup(async () => new Response('<html>', { status: 502 }));
    expect(await html.api.call('status:get', {})).toEqual({ ok: false, error: { code: 'unavailable', message: 'Unexpected answer from imsg-companion serve (HTTP 502)' } });
  });

  it('opens one EventSource and delivers named JSON events to their listeners', () => {
    const { api, es } = setup(async () => json(200, {}));
    const snaps: unknown[] = [];
    const news: unknown[] = [];
    api.on('snapshot', (s) => snaps.push(s));
    const off = api.on('pairing:new', (p) => news.push(p));
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(es().url).toBe('http://127.0.0.1:4000/v1/events');
    const snap = snapshot();
    const req = pending();
    es().send('snapshot', JSON.stringify(snap));
    es().send('pairing:new', JSON.stringify(req));
    es().send('snapshot', '{not json');
    off();
    es().send('pairing:new', JSON.stringify(req));
    expect(snaps).toEqual([snap]);
    expect(news).toEqual([req]);
  });

  it('goes reconnecting on error and connected on open', () => {
    const { api, es, states } = setup(async () => json(200, {}));
    api.on('snapshot', () => undefined);
    es().open();
    es().fail(FakeEventSource.CONNECTING);
    es().open();
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('reopens a closed stream after checking the session is still valid', async () => {
    vi.useFakeTimers();
    const { api, es, fetchMock } = setup(async () => json(200, { ok: true, data: snapshot() }));
    api.on('snapshot', () => undefined);
    es().fail(FakeEventSource.CLOSED);
    await vi.advanceTimersByTimeAsync(60);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('stays closed when the stream closes because the session is gone', async () => {
    vi.useFakeTimers();
    const { api, es, states } = setup(async () => new Response('', { status: 401 }));
    api.on('snapshot', () => undefined);
    es().fail(FakeEventSource.CLOSED);
    await vi.advanceTimersByTimeAsync(200);
    expect(states.at(-1)).toBe('unauthorized');
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});
