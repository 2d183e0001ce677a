// `serve --web`: the same renderer over HTTP on 127.0.0.1 only, behind a random token.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContractHandlers } from '../../contract/channels.js';
import { type EventSource, handleApiRequest, reply } from './http-api.js';
import { serveStatic, securityHeaders } from './static-files.js';
import { hostAllowed, newToken, presentedToken, sessionCookie, tokenMatches } from './web-auth.js';

/** A running web transport. */
export interface WebServer {
  /** The URL to open, with the token (prints once; it becomes a cookie). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const UNAUTHORIZED_PAGE = '<!doctype html><meta charset="utf-8"><title>imsg Companion</title><p>This page needs the link printed by <code>imsg-companion serve --web</code> (it contains a one-time access token). Open that link from the terminal.</p>';

/** Start the web transport on 127.0.0.1:`port` (0 = any free port) serving `staticDir`. */
export async function startWebServer(opts: { handlers: ContractHandlers; events: EventSource; staticDir: string; port?: number; token?: string | (() => string) }): Promise<WebServer> {
  const fixed = typeof opts.token === 'string' ? opts.token : opts.token ? undefined : newToken();
  // A function token is re-read per request (`imsg-companion ui --rotate` replaces it while we run).
  const currentToken = typeof opts.token === 'function' ? opts.token : () => fixed as string;
  let port = 0;
  const server = createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req, port)) return reply(res, 403, { ok: false, error: { code: 'forbidden', message: 'bad Host or Origin (the UI is served to 127.0.0.1 only)' } });
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const offered = url.searchParams.get('token');
      const token = currentToken();
      if (offered !== null && req.method === 'GET') {
        if (!tokenMatches(offered, token)) return unauthorized(res, url.pathname);
        // Trade the token for a cookie and drop it from the address bar (and from history).
        res.writeHead(302, { location: sameOriginPath(url.pathname), 'set-cookie': sessionCookie(token, port), 'cache-control': 'no-store', ...securityHeaders() });
        return res.end();
      }
      if (!tokenMatches(presentedToken(req, port), token)) return unauthorized(res, url.pathname);
      if (await handleApiRequest(req, res, opts.handlers, opts.events)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { ok: false, error: { code: 'invalid-input', message: 'method not allowed' } });
      await serveStatic(res, opts.staticDir, url.pathname);
    })().catch((err: unknown) => {
      if (!res.headersSent) reply(res, 500, { ok: false, error: { code: 'failed', message: String(err) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    get url() {
      return `http://127.0.0.1:${port}/?token=${currentToken()}`;
    },
    port,
    get token() {
      return currentToken();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** `pathname` as a same-origin redirect target: `/.//evil.example/` must not become `//evil.example/`. */
function sameOriginPath(pathname: string): string {
  return `/${pathname.replace(/^[/\\]+/, '')}`;
}

function unauthorized(res: import('node:http').ServerResponse, path: string): void {
  if (path.startsWith('/v1/')) return reply(res, 401, { ok: false, error: { code: 'forbidden', message: 'missing or wrong access token' } });
  res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', ...securityHeaders() });
  res.end(UNAUTHORIZED_PAGE);
}
