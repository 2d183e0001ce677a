// @vitest-environment node
// app:// serves dist/renderer only, with the CSP header; traversal and foreign hosts get nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UI_CSP } from '../../electron/core/transport/static-files.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../electron/main/app-protocol.js';

let dir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the root');
  handler = createAppProtocolHandler(join(dir, 'renderer'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('createAppProtocolHandler', () => {
  it('serves index.html for / and files under the root, with the strict CSP as a header', async () => {
    for (const url of ['app://ui/', 'app://ui/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(UI_CSP);
      expect(await res.text()).toContain('<title>ui</title>');
    }
    const js = await get('app://ui/assets/index.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://ui/..%2fsecret.txt',
    'app://ui/assets/..%2f..%2fsecret.txt',
    'app://ui/%2e%2e/secret.txt',
    'app://ui/..%5c..%5csecret.txt',
    'app://ui/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://ui/%00index.html',
    'app://ui/%E0%A4%A',
  ])('refuses traversal: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the root');
  });

  it('refuses other hosts, ports, missing files and writes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://ui.evil/index.html')).status).toBe(404);
    expect((await get('app://ui:8080/index.html')).status).toBe(404);
    expect((await get('app://ui/missing.js')).status).toBe(404);
    expect((await get('app://ui/index.html', 'POST')).status).toBe(405);
  });

  it('registers the scheme as standard + secure only (no CSP bypass)', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});
