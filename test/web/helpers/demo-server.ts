// Test helper: one `serve --demo --web` per test file, with the session cookie and request shortcuts.
import { afterAll, beforeAll, expect } from 'vitest';
import { rawRequest, sessionCookieFor, type RawResponse } from './http-client.js';
import { startServe, type ServeProcess } from './serve-process.js';

/** Extra request options for {@link DemoServer.authed}. */
export interface AuthedInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** The file's running demo server (usable inside tests, after beforeAll). */
export interface DemoServer {
  readonly srv: ServeProcess;
  /** `name=value` of the session cookie. */
  readonly cookie: string;
  /** A request as the UI makes it: right Host, the session cookie. */
  authed(path: string, init?: AuthedInit): Promise<RawResponse>;
  /** POST a verb with a JSON body (a string is sent as is) from the UI's own origin. */
  verb(name: string, body: unknown, headers?: Record<string, string>): Promise<RawResponse>;
}

/** Start the server before the file's tests; after them stop it and expect a clean exit 0. */
export function useDemoServer(): DemoServer {
  let srv: ServeProcess | undefined;
  let cookie = '';
  beforeAll(async () => {
    srv = await startServe();
    cookie = await sessionCookieFor(srv.port, srv.token);
  });
  afterAll(async () => {
    expect(await srv?.stop()).toBe(0);
  });
  const running = (): ServeProcess => {
    if (!srv) throw new Error('the demo server is not running (use it inside tests)');
    return srv;
  };
  const authed = (path: string, init: AuthedInit = {}): Promise<RawResponse> => rawRequest({ port: running().port, path, ...init, headers: { cookie, ...init.headers } });
  return {
    get srv() {
      return running();
    },
    get cookie() {
      return cookie;
    },
    authed,
    verb: (name, body, headers = {}) =>
      authed(`/v1/verb/${name}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', origin: running().origin, ...headers } }),
  };
}
