// startWebServer in-process over a scratch root: traversal to a sibling secret, per-port sessions.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractHandlers } from '../../electron/contract/channels.js';
import { Emitter } from '../../electron/core/app/emitter.js';
import { startWebServer, type WebServer } from '../../electron/core/transport/web-server.js';
import { rawRequest, sessionCookieFor } from './helpers/http-client.js';

const SECRET = 'secret-outside-the-root';
let dir: string;
let a: WebServer;
let b: WebServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-server-'));
  // `root-evil` shares the root's name as a prefix: a startsWith(root) check without the separator would let it through.
  for (const sub of ['root/assets', 'root-evil']) await mkdir(join(dir, sub), { recursive: true });
  await writeFile(join(dir, 'root/index.html'), '<!doctype html><p>ui</p>');
  await writeFile(join(dir, 'secret.txt'), SECRET);
  await writeFile(join(dir, 'root-evil/secret.txt'), SECRET);
  // No verb may run here: only rejected requests (unknown verb, bad input) are sent.
  const handlers = {} as ContractHandlers;
  const opts = { handlers, events: new Emitter(), staticDir: join(dir, 'root') };
  [a, b] = await Promise.all([startWebServer(opts), startWebServer(opts)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('startWebServer', () => {
  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%2froot-evil%2fsecret.txt', '/../root-evil/secret.txt', '/assets/', '/assets'])(
    '%s gets 404 and no outside file',
    async (path) => {
      const cookie = await sessionCookieFor(a.port, a.token);
      const res = await rawRequest({ port: a.port, path, headers: { cookie } });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(SECRET);
    },
  );

  it('serves index.html at / with the session cookie', async () => {
    const res = await rawRequest({ port: a.port, path: '/', headers: { cookie: await sessionCookieFor(a.port, a.token) } });
    expect(res).toMatchObject({ status: 200, body: '<!doctype html><p>ui</p>' });
  });

  it('two servers on one host keep separate sessions (cookies ignore ports)', async () => {
    const [ca, cb] = [await sessionCookieFor(a.port, a.token), await sessionCookieFor(b.port, b.token)];
    expect(ca.split('=')[0]).not.toBe(cb.split('=')[0]);
    // A browser sends every 127.0.0.1 cookie to every port: each server must pick its own.
    const both = `${ca}; ${cb}`;
    expect((await rawRequest({ port: a.port, path: '/', headers: { cookie: both } })).status).toBe(200);
    expect((await rawRequest({ port: b.port, path: '/', headers: { cookie: both } })).status).toBe(200);
    expect((await rawRequest({ port: a.port, path: '/', headers: { cookie: cb } })).status).toBe(401);
  });

  it('a token for one server is refused by the other', async () => {
    expect((await rawRequest({ port: b.port, path: `/?token=${a.token}` })).status).toBe(401);
  });
});
