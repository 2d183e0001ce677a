// @vitest-environment node
// Auto-update: our Updates wrapper around electron-updater's real MacUpdater, checking a fake
// GitHub releases feed on a local HTTP server (atom feed, latest release, latest-mac.yml, the
// zip). electron-updater needs `electron`'s `net`, `session` and Squirrel's `autoUpdater`: a
// stand-in `electron` module answers those (net.request → node:http; the Squirrel stand-in fetches
// the update from electron-updater's proxy the way Squirrel.Mac does). Covered: feed parsing,
// version comparison, the download and its sha512 check, the hand-off to Squirrel, our states.
// Not covered here (macOS only, docs/mac-checklist.md): Squirrel.Mac's code-signature check and
// the install on quit.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, request as httpRequest, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UNSIGNED_UPDATES, type UpdaterLike, Updates } from '../../electron/main/updater.js';

const require = createRequire(import.meta.url);
const zip = Buffer.from('PK\u0003\u0004 a pretend zip of imsg Companion 0.2.0');
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');
let server: Server;
let port: number;
let tmp: string;
let feedSha = sha512(zip);
const requested: string[] = [];

/** Squirrel.Mac's part: fetch the feed JSON with the given auth header, then the zip, then say downloaded. */
class FakeSquirrel extends EventEmitter {
  feed: { url: string; headers?: Record<string, string> } | undefined;
  fetched = 0;
  setFeedURL(feed: { url: string; headers?: Record<string, string> }): void {
    this.feed = feed;
  }
  checkForUpdates(): void {
    const feed = this.feed as { url: string; headers?: Record<string, string> };
    get(feed.url, { headers: feed.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        get((JSON.parse(body) as { url: string }).url, (zipRes) => {
          zipRes.on('data', (c: Buffer) => (this.fetched += c.length));
          zipRes.on('end', () => this.emit('update-downloaded'));
        });
      });
    });
  }
}
const squirrel = new FakeSquirrel();

function latestMacYml(): string {
  const file = (name: string) => `  - url: ${name}\n    sha512: ${feedSha}\n    size: ${zip.length}\n`;
  return `version: 0.2.0\nfiles:\n${file('imsg-Companion-0.2.0-arm64-mac.zip')}${file('imsg-Companion-0.2.0-mac.zip')}path: imsg-Companion-0.2.0-mac.zip\nsha512: ${feedSha}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'imsg-updater-'));
  server = createServer((req, res) => {
    const url = req.url ?? '';
    requested.push(url);
    if (url === '/acme/imsg-companion/releases.atom') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      return res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>0.2.0</title><link rel="alternate" href="https://github.com/acme/imsg-companion/releases/tag/v0.2.0"/><content>Fixes</content></entry></feed>`);
    }
    if (url === '/api/v3/repos/acme/imsg-companion/releases/latest') return res.end(JSON.stringify({ tag_name: 'v0.2.0' }));
    if (url === '/acme/imsg-companion/releases/download/v0.2.0/latest-mac.yml') return res.end(latestMacYml());
    if (/^\/acme\/imsg-companion\/releases\/download\/v0\.2\.0\/imsg-Companion-0\.2\.0-(arm64-)?mac\.zip$/.test(url)) {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length });
      return res.end(zip);
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  // What electron-builder's `publish` writes into Resources/app-update.yml, pointed at the local server.
  writeFileSync(join(tmp, 'app-update.yml'), `owner: acme\nrepo: imsg-companion\nprovider: github\nhost: 127.0.0.1:${port}\nprotocol: http\nupdaterCacheDirName: imsg-companion-updater\n`);
  // electron-updater calls require('electron'): give it net, session and autoUpdater.
  const electronPath = require.resolve('electron');
  const electronStandIn = {
    net: { request: (options: Record<string, unknown>) => httpRequest(options as Parameters<typeof httpRequest>[0]) },
    session: { fromPartition: () => ({}) },
    autoUpdater: squirrel,
  };
  require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: electronStandIn } as unknown as NodeJS.Module;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

function macUpdater(version: string): UpdaterLike {
  const { MacUpdater } = require('electron-updater/out/MacUpdater') as { MacUpdater: new (options: unknown, app: unknown) => UpdaterLike };
  const app = { version, name: 'imsg Companion', isPackaged: true, appUpdateConfigPath: join(tmp, 'app-update.yml'), userDataPath: tmp, baseCachePath: join(tmp, `cache-${version}-${Math.random()}`), whenReady: async () => undefined, relaunch: vi.fn(), quit: vi.fn(), onQuit: vi.fn() };
  const updater = new MacUpdater(undefined, app) as UpdaterLike & { httpExecutor: unknown; _testOnlyOptions: unknown };
  // electron-updater's own test seam: the feed for macOS (latest-mac.yml) on this Linux runner.
  updater._testOnlyOptions = { platform: 'darwin', isUseDifferentialDownload: false };
  // With an AppAdapter passed in (electron-updater's own test seam) the executor is left to the
  // caller: the production one, whose net.request is the stand-in above.
  const { ElectronHttpExecutor } = require('electron-updater/out/electronHttpExecutor') as { ElectronHttpExecutor: new () => unknown };
  updater.httpExecutor = new ElectronHttpExecutor();
  return updater;
}

function updates(version: string, offReason?: string) {
  const changes: string[] = [];
  const u = new Updates({ offReason, load: async () => macUpdater(version), currentVersion: version, log: (l, m) => process.env.DEBUG_UPDATER && console.log(l, m), onChange: (s) => changes.push(s.kind) });
  return { u, changes };
}

describe('Updates over electron-updater (GitHub feed on a local server)', () => {
  it('finds 0.2.0 from 0.1.0, downloads the zip, checks its sha512 and hands it to Squirrel for install on quit', async () => {
    feedSha = sha512(zip);
    const { u, changes } = updates('0.1.0');
    await u.check();
    await vi.waitFor(() => expect(u.state).toEqual({ kind: 'ready', version: '0.2.0' }), { timeout: 10_000 });
    expect(changes).toEqual(['checking', 'downloading', 'ready']);
    expect(requested).toContain('/acme/imsg-companion/releases/download/v0.2.0/latest-mac.yml');
    expect(requested.some((r) => r.endsWith('-mac.zip'))).toBe(true);
    // Squirrel got the exact bytes that matched the feed's sha512.
    await vi.waitFor(() => expect(squirrel.fetched).toBe(zip.length));
    expect(Updates.describe(u.state, '0.1.0')).toBe('Version 0.2.0 is downloaded. It is installed when you quit imsg Companion.');
  });

  it('says up to date when the feed has the running version', async () => {
    const { u } = updates('0.2.0');
    expect(await u.check()).toEqual({ kind: 'up-to-date', version: '0.2.0' });
    expect(Updates.describe(u.state, '0.2.0')).toBe('imsg Companion 0.2.0 is the newest version.');
  });

  it('refuses a download whose sha512 does not match the feed (nothing reaches Squirrel)', async () => {
    feedSha = sha512(Buffer.from('something else'));
    const before = squirrel.fetched;
    const { u } = updates('0.1.0');
    await u.check();
    await vi.waitFor(() => expect(u.state.kind).toBe('error'), { timeout: 10_000 });
    expect((u.state as { message: string }).message).toMatch(/sha512 checksum mismatch/);
    expect(squirrel.fetched).toBe(before);
    feedSha = sha512(zip);
  });

  it('is off, and loads nothing, in an unsigned build', async () => {
    const load = vi.fn();
    const u = new Updates({ offReason: UNSIGNED_UPDATES, load, currentVersion: '0.1.0', log: vi.fn() });
    u.start();
    expect(await u.check()).toEqual({ kind: 'off', reason: UNSIGNED_UPDATES });
    expect(load).not.toHaveBeenCalled();
  });
});
