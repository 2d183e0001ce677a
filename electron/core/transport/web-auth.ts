// Access control for the web transport: a random token (in the printed URL) becomes an HttpOnly
// cookie; every other request needs that cookie (or a Bearer header) and a loopback Host.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Name of the session cookie of the server on `port`. Cookies ignore ports, so one shared name
 * would let a second `serve --web` (or any other 127.0.0.1 app) overwrite the first one's session.
 */
export function sessionCookieName(port: number): string {
  return `imsgc_session_${port}`;
}

/** A fresh unguessable token (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of a presented token with the real one. */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request presents: the session cookie of `port`, else `Authorization: Bearer …`. */
export function presentedToken(req: IncomingMessage, port: number): string | undefined {
  const cookie = sessionCookieName(port);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) return rest.join('=');
  }
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

/**
 * Only loopback names are accepted in Host (blocks DNS-rebinding pages from reaching the API),
 * and a cross-site Origin is refused for state-changing requests.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
  const origin = req.headers.origin;
  if (origin === undefined || req.method === 'GET' || req.method === 'HEAD') return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The Set-Cookie header value for a session of the server on `port`. */
export function sessionCookie(token: string, port: number): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
