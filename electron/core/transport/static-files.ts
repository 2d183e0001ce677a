// Serving the built renderer: files under one root only (no traversal), strict CSP headers.
import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/** The Content-Security-Policy of the UI (macos-electron §2.1 item 7). */
export const UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The Content-Type for a file extension (`.js` → text/javascript …). */
export function contentType(ext: string): string {
  return TYPES[ext] ?? 'application/octet-stream';
}

/** Resolve a URL path inside `root`, or undefined when it would leave it (`..`, encoded or not). */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

/** Security headers sent with every UI response. */
export function securityHeaders(): Record<string, string> {
  return { 'content-security-policy': UI_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'cross-origin-opener-policy': 'same-origin' };
}

/** Serve `urlPath` from `root` (`/` → index.html); 404 when missing or outside the root. */
export async function serveStatic(res: ServerResponse, root: string, urlPath: string): Promise<void> {
  const file = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  const body = file ? await fs.readFile(file).catch(() => undefined) : undefined;
  if (!file || !body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders() });
    res.end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': contentType(extname(file)), 'cache-control': 'no-cache', ...securityHeaders() });
  res.end(body);
}
