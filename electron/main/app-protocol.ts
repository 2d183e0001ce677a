// `app://ui/…`: the renderer served from dist/renderer only, with the strict CSP as a header
// (macos-electron §2.1 #7 and #18). Path checks reuse the web transport's resolveInside.
import { promises as fs } from 'node:fs';
import { extname } from 'node:path';
import { contentType, resolveInside, securityHeaders } from '../core/transport/static-files.js';
import { APP_HOST, APP_SCHEME } from './app-origin.js';

/** For `protocol.registerSchemesAsPrivileged` (before ready): standard + secure, nothing more. */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  scheme: APP_SCHEME,
  // standard: relative URLs and a real origin; secure: a secure context; fetch for module scripts.
  // No bypassCSP; no corsEnabled: the page loads same-origin only, and leaving it unset keeps
  // app:// unreadable cross-origin (electron/electron#52912).
  privileges: Object.freeze({ standard: true, secure: true, supportFetchAPI: true }),
});

const refuse = (status: number, text: string): Response => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders() } });

/** Build the `protocol.handle(APP_SCHEME, …)` handler serving files under `root` only. */
export function createAppProtocolHandler(root: string, readFile: (path: string) => Promise<Uint8Array> = fs.readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'Bad URL');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return refuse(404, 'Not found');
    const file = resolveInside(root, url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname);
    if (file === undefined) return refuse(404, 'Not found');
    const body = await readFile(file).catch(() => undefined);
    if (body === undefined) return refuse(404, 'Not found');
    const headers = { 'content-type': contentType(extname(file)), 'cache-control': 'no-cache', ...securityHeaders() };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
