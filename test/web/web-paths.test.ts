// `serve --web` exposes dist/renderer and nothing else: no path traversal, no other interface.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, platform } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BIN, ROOT } from '../helpers/bins.js';
import { useDemoServer } from './helpers/demo-server.js';

const demo = useDemoServer();

/** Files outside dist/renderer that a traversal would reach, with a line unique to each. */
const OUTSIDE = [
  { file: resolve(ROOT, 'package.json'), marker: '"name": "imsg-companion"' },
  { file: CLI_BIN, marker: readFileSync(CLI_BIN, 'utf8').split('\n').find((l) => l.length > 20) ?? '' },
  { file: '/etc/passwd', marker: 'root:' },
];

describe('static files stay inside dist/renderer', () => {
  it.each([
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%2f..%2fpackage.json',
    '/..%2f..%2fetc/passwd',
    '/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/..%2fbin/imsg-companion.js',
    '/%2e%2e%2fbin%2fimsg-companion.js',
    '/..%5c..%5cpackage.json',
    '/%252e%252e/%252e%252e/package.json',
    '/..%00/package.json',
    '/.%2e/.%2e/package.json',
    `/${'..%2f'.repeat(3)}${ROOT.slice(1).replaceAll('/', '%2f')}%2fpackage.json`,
    `/${encodeURIComponent(resolve(ROOT, 'package.json'))}`,
  ])('%s is not served', async (path) => {
    const res = await demo.authed(path);
    expect(res.status).not.toBe(200);
    expect(res.status).toBeLessThan(500);
    for (const { marker } of OUTSIDE) expect(res.body).not.toContain(marker);
  });

  it('the files inside it are served (so the checks above can fail)', async () => {
    const res = await demo.authed('/index.html');
    expect(res.status).toBe(200);
    expect(res.body).toBe(readFileSync(resolve(ROOT, 'dist/renderer/index.html'), 'utf8'));
  });
});

/** Every address of this machine's own interfaces except 127.0.0.1 (link-local ones with their scope). */
function otherLocalAddresses(): string[] {
  const out: string[] = [];
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.address === '127.0.0.1') continue;
      out.push(a.family === 'IPv6' && a.address.startsWith('fe80:') ? `${a.address}%${name}` : a.address);
    }
  }
  // Linux routes all of 127.0.0.0/8 to lo, so a wildcard or 127/8 bind would answer here too.
  if (platform() === 'linux') out.push('127.0.0.2');
  return out;
}

/** Try a TCP connection: 'connected', or the error code (ECONNREFUSED, …). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((done) => {
    const sock = connect({ host, port, timeout: 2_000 });
    sock.once('connect', () => (sock.destroy(), done('connected')));
    sock.once('timeout', () => (sock.destroy(), done('timeout')));
    sock.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
  });
}

describe('listening address', () => {
  it('accepts connections on 127.0.0.1 only, not on the machine\'s other addresses', async () => {
    expect(await tryConnect('127.0.0.1', demo.srv.port)).toBe('connected');
    const others = otherLocalAddresses();
    expect(others.length).toBeGreaterThan(0);
    const results = await Promise.all(others.map(async (host) => [host, await tryConnect(host, demo.srv.port)] as const));
    for (const [host, result] of results) expect(result, host).not.toBe('connected');
  });
});
