// `serve --demo --web` over plain HTTP (no browser): the token → cookie trade, 401 without it,
// 403 for foreign Host/Origin (DNS rebinding, CSRF), and the security headers.
import { describe, expect, it } from 'vitest';
import { cspDirectives } from './helpers/csp.js';
import { useDemoServer } from './helpers/demo-server.js';
import { rawRequest } from './helpers/http-client.js';

const demo = useDemoServer();

describe('token and session cookie', () => {
  it('the printed token URL sets an HttpOnly SameSite=Strict cookie and redirects to / without the token', async () => {
    const res = await rawRequest({ port: demo.srv.port, path: `/?token=${demo.srv.token}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    const set = res.headers['set-cookie'] ?? [];
    expect(set).toHaveLength(1);
    expect(set[0]).toContain(`=${demo.srv.token}`);
    expect(set[0]).toMatch(/;\s*HttpOnly/i);
    expect(set[0]).toMatch(/;\s*SameSite=Strict/i);
    expect(set[0]).toMatch(/;\s*Path=\/(;|$)/);
    const page = await demo.authed('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toMatch(/<script[^>]+src=/);
  });

  it('a path that normalizes to //host is redirected same-origin, never off-site', async () => {
    const res = await rawRequest({ port: demo.srv.port, path: `/.//evil.example/?token=${demo.srv.token}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toMatch(/^\/(?![/\\])/);
  });

  it('without token or cookie: 401, an HTML page for pages and JSON for /v1/…', async () => {
    for (const path of ['/', '/index.html', '/nope.js']) {
      const res = await rawRequest({ port: demo.srv.port, path });
      expect(res.status, path).toBe(401);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.body, path).toContain('imsg-companion serve --web');
      expect(res.body, path).not.toContain(demo.srv.token);
    }
    for (const [path, method] of [['/v1/verb/status:get', 'POST'], ['/v1/events', 'GET'], ['/v1/verb/nope', 'POST']] as const) {
      const res = await rawRequest({ port: demo.srv.port, path, method });
      expect(res.status, path).toBe(401);
      expect(res.headers['content-type'], path).toMatch(/^application\/json/);
      expect(JSON.parse(res.body), path).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('a wrong token gets 401 and no cookie, whether in the URL, the cookie or a Bearer header', async () => {
    const wrong = `${demo.srv.token.slice(0, -1)}${demo.srv.token.endsWith('A') ? 'B' : 'A'}`;
    const viaUrl = await rawRequest({ port: demo.srv.port, path: `/?token=${wrong}` });
    expect(viaUrl.status).toBe(401);
    expect(viaUrl.headers['set-cookie']).toBeUndefined();
    const name = demo.cookie.split('=')[0] ?? '';
    const attempts: Array<Record<string, string>> = [{ cookie: `${name}=${wrong}` }, { cookie: `${name}=` }, { authorization: `Bearer ${wrong}` }, { cookie: `other=${demo.srv.token}` }];
    for (const headers of attempts) {
      expect((await rawRequest({ port: demo.srv.port, path: '/v1/verb/status:get', method: 'POST', headers })).status, JSON.stringify(headers)).toBe(401);
    }
    expect((await rawRequest({ port: demo.srv.port, path: '/v1/verb/status:get', method: 'POST', headers: { authorization: `Bearer ${demo.srv.token}` } })).status).toBe(200);
  });
});

describe('request guards', () => {
  it('a Host other than 127.0.0.1:<port> / localhost:<port> gets 403 even with the cookie (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${demo.srv.port}`, `127.0.0.1:${demo.srv.port + 1}`, `localhost.evil.example:${demo.srv.port}`, `127.0.0.1.nip.io:${demo.srv.port}`, `[::1]:${demo.srv.port}`, '127.0.0.1']) {
      const res = await demo.authed('/', { headers: { host } });
      expect(res.status, host).toBe(403);
      expect(res.body, host).not.toContain('<script');
    }
    expect((await demo.authed('/', { headers: { host: `localhost:${demo.srv.port}` } })).status).toBe(200);
    expect((await demo.authed('/', { headers: { host: `127.0.0.1:${demo.srv.port}` } })).status).toBe(200);
  });

  it('a POST with a cross-site Origin gets 403; the own origin passes', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${demo.srv.port + 1}`, `https://127.0.0.1:${demo.srv.port}`, `http://localhost.evil.example:${demo.srv.port}`]) {
      const res = await demo.verb('status:get', {}, { origin });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body), origin).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await demo.verb('status:get', {}, { origin: demo.srv.origin })).status).toBe(200);
    expect((await demo.verb('status:get', {}, { origin: `http://localhost:${demo.srv.port}` })).status).toBe(200);
  });

  it('the page carries the strict CSP (spec §2.1 #7) and nosniff; so do assets and the 401 page', async () => {
    const page = await demo.authed('/');
    const csp = cspDirectives(String(page.headers['content-security-policy']));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(csp.get(d), d).toEqual(["'none'"]);
    expect(["'self'", "'none'"]).toContain(csp.get('default-src')?.join(' '));
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = /<script[^>]+src="\.?\/?([^"]+)"/.exec(page.body)?.[1] ?? '';
    const asset = await demo.authed(`/${script}`);
    expect(asset.status, script).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    const denied = await rawRequest({ port: demo.srv.port, path: '/' });
    expect(denied.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
    expect(denied.headers['x-content-type-options']).toBe('nosniff');
  });
});
