// @vitest-environment node
// Runs electron-builder 26 itself (`--mac --dir`) on the real config, with a stand-in Electron.app
// (no download; fuse sentinel included so the real @electron/fuses flips it), signing and
// notarization off, in a staged copy of the app so concurrent renderer rebuilds can't race it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildElectron } from '../../build/build-electron.mjs';
// @ts-expect-error -- plain .mjs build script without type declarations
import { find7zip } from '../../build/test-deps.mjs';
import { FUSE_SENTINEL, makeFakeElectronDist, STOCK_FUSES } from './fake-electron-dist.js';

const repo = resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);
let tmp: string;
let app: string;
let log = '';
let outDir: string;

/** The value of `key` in an XML plist: a string, or a boolean for <true/>/<false/>. */
function plistValue(xml: string, key: string): string | boolean | undefined {
  const m = new RegExp(`<key>${key}</key>\\s*(?:<string>([^<]*)</string>|<(true|false)/>)`).exec(xml);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/&amp;/g, '&') : m[2] === 'true';
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'imsg-eb-'));
  const stage = join(tmp, 'stage');
  mkdirSync(join(stage, 'build'), { recursive: true });
  cpSync(join(repo, 'package.json'), join(stage, 'package.json'));
  cpSync(join(repo, 'assets'), join(stage, 'assets'), { recursive: true });
  for (const f of ['icon.icns', 'entitlements.mac.plist']) cpSync(join(repo, 'build', f), join(stage, 'build', f));
  // Production dependencies are collected from here, exactly as in the repo.
  symlinkSync(join(repo, 'node_modules'), join(stage, 'node_modules'), 'dir');
  await buildElectron(stage);
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'renderer', 'vite.config.ts'), root: join(repo, 'renderer'), logLevel: 'warn', build: { outDir: join(stage, 'dist', 'renderer'), emptyOutDir: true } });
  const electronDist = makeFakeElectronDist(join(tmp, 'electron-dist'));
  const out = join(tmp, 'out');
  const args = [
    join(repo, 'node_modules', 'electron-builder', 'cli.js'),
    '--projectDir', stage,
    '--config', join(repo, 'electron-builder.config.cjs'),
    // The zip target: what auto-update downloads, and the build writes latest-mac.yml for it.
    '--mac', 'zip', '--x64', '--publish', 'never',
    '-c.mac.identity=null',
    '-c.mac.notarize=false',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${out}`,
    // It runs `codesign`, which the stand-in binaries can't take (only matters on a Mac).
    '-c.electronFuses.resetAdHocDarwinSignature=false',
  ];
  // builder-util mutes its log when it sees VITEST; the log is part of what is checked.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  // The zip needs 7-Zip: electron-builder downloads it from GitHub, which only a Mac runner reaches;
  // elsewhere the system's (apt's 7zip, via .ci/apt-deps).
  const sevenZip = (find7zip as () => string | undefined)();
  if (!sevenZip && process.platform !== 'darwin') throw new Error('7-Zip not found: run `node build/test-deps.mjs` for the command that installs it');
  const zipTool = sevenZip ? { ELECTRON_BUILDER_7ZIP_PATH: sevenZip } : {};
  const result = await run(process.execPath, args, { cwd: stage, timeout: 150_000, maxBuffer: 16 * 1024 * 1024, env: { ...env, ...zipTool, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
  log = `${result.stdout}\n${result.stderr}`;
  app = join(out, 'mac', 'imsg Companion.app');
  outDir = out;
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('electron-builder --mac --dir', () => {
  it('writes the menu-bar app Info.plist: LSUIElement, Apple Events string, bundle id, minimum macOS', () => {
    const xml = readFileSync(join(app, 'Contents', 'Info.plist'), 'utf8');
    expect(plistValue(xml, 'LSUIElement')).toBe(true);
    expect(plistValue(xml, 'NSAppleEventsUsageDescription')).toMatch(/Messages/);
    // imsg resolves contact names under our identity: macOS asks with this text.
    expect(plistValue(xml, 'NSContactsUsageDescription')).toBe('imsg Companion shows the names of the people who message your assistant (in pairing requests and conversations), from your Contacts.');
    expect(plistValue(xml, 'CFBundleName')).toBe('imsg Companion');
    expect(plistValue(xml, 'CFBundleIdentifier')).toBe('dev.imsgcompanion.app');
    expect(plistValue(xml, 'LSMinimumSystemVersion')).toBe('13.0');
    expect(plistValue(xml, 'CFBundleExecutable')).toBe('imsg Companion');
    expect(plistValue(xml, 'CFBundleIconFile')).toBe('icon.icns');
    // The app asks electron's asar integrity check to cover app.asar (EnableEmbeddedAsarIntegrityValidation).
    expect(xml).toMatch(/<key>ElectronAsarIntegrity<\/key>\s*<dict>\s*<key>Resources\/app\.asar<\/key>/);
  });

  it('renames the helpers after the product (Electron finds them by CFBundleName)', () => {
    const helper = readFileSync(join(app, 'Contents', 'Frameworks', 'imsg Companion Helper (Renderer).app', 'Contents', 'Info.plist'), 'utf8');
    expect(plistValue(helper, 'CFBundleIdentifier')).toBe('dev.imsgcompanion.app.helper.Renderer');
  });

  it('packs the built main, preload and renderer into app.asar, with package.json pointing at main', () => {
    const asar = join(app, 'Contents', 'Resources', 'app.asar');
    const files = listPackage(asar, { isPack: false });
    for (const f of ['/dist/main/main.js', '/dist/preload/preload.cjs', '/dist/renderer/index.html', '/assets/tray-normalTemplate.png', '/assets/tray-normalTemplate@2x.png']) expect(files).toContain(f);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    // main.js carries the core and its dependencies; node_modules would only be dead weight to sign.
    expect(files.some((f) => f.startsWith('/node_modules'))).toBe(false);
    expect(files.some((f) => f.startsWith('/electron/') || f.startsWith('/test/') || f.startsWith('/renderer/'))).toBe(false);
    const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string; version: string; productName: string };
    expect(pkg.main).toBe('dist/main/main.js');
    // Electron names the app (and its default userData and logs folders) from this, not from the bundle.
    expect(pkg.productName).toBe('imsg Companion');
    expect(extractFile(asar, 'dist/preload/preload.cjs').toString('utf8')).toContain('exposeInMainWorld("imsgCompanion"');
  });

  it('flips the fuses of §2.6 in Electron Framework (RunAsNode, NODE_OPTIONS, inspect off; asar-only, integrity, cookies on)', () => {
    const framework = readFileSync(join(app, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'));
    const at = framework.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(framework[at]).toBe(1);
    const wire = framework.subarray(at + 2, at + 2 + STOCK_FUSES.length).toString('latin1');
    expect(STOCK_FUSES).toBe('10110001');
    // RunAsNode, CookieEncryption, NodeOptions, CliInspect, AsarIntegrity, OnlyAsar, V8Snapshot (left alone), FileProtocolPrivileges.
    expect(wire).toBe('01001100');
    expect(log).toContain('executing @electron/fuses');
  });

  it('bundles the app icon and skips signing when no identity is given', () => {
    expect(readFileSync(join(app, 'Contents', 'Resources', 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
    expect(log).toMatch(/skipped macOS application code signing/);
  });

  it('writes the auto-update feed: latest-mac.yml naming the zip with its real sha512 and size, and app-update.yml in the app', () => {
    const yml = readFileSync(join(outDir, 'latest-mac.yml'), 'utf8');
    const zipName = 'imsg Companion-0.1.0-mac.zip';
    const zipBytes = readFileSync(join(outDir, zipName));
    const sha = createHash('sha512').update(zipBytes).digest('base64');
    expect(yml).toMatch(/^version: 0\.1\.0$/m);
    expect(yml).toContain(`url: imsg-Companion-0.1.0-mac.zip`);
    expect(yml).toContain(`sha512: ${sha}`);
    expect(yml).toContain(`size: ${zipBytes.length}`);
    expect(yml).toMatch(/^releaseDate: '/m);
    const appUpdate = readFileSync(join(app, 'Contents', 'Resources', 'app-update.yml'), 'utf8');
    expect(appUpdate).toMatch(/^provider: github$/m);
    expect(appUpdate).toMatch(/^owner: \S+$/m);
    expect(appUpdate).toMatch(/^repo: \S+$/m);
  });
});
