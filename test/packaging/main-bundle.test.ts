// @vitest-environment node
// The bundled ESM main (dist/main/main.js) started in plain Node with `electron` swapped for the
// fake through a module loader hook: proves the bundle loads without node_modules (createRequire
// shim, no stray externals), boots in order, runs the real core and serves the real IPC and app://.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildElectron } from '../../build/build-electron.mjs';

const repo = resolve(import.meta.dirname, '..', '..');
let tmp: string;
let report: Record<string, unknown>;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'imsg-main-bundle-'));
  await buildElectron(tmp);
  mkdirSync(join(tmp, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(tmp, 'dist', 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
  const stub = join(tmp, 'electron-stub.mjs');
  await build({ entryPoints: [join(repo, 'test/packaging/fixtures/electron-stub.ts')], outfile: stub, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
  const hooks = `export async function resolve(specifier, context, next) { return specifier === 'electron' ? { url: ${JSON.stringify(pathToFileURL(stub).href)}, shortCircuit: true } : next(specifier, context); }`;
  writeFileSync(join(tmp, 'hooks.mjs'), hooks);
  writeFileSync(join(tmp, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(tmp, 'hooks.mjs')).href)});\n`);
  // dist/ is ESM only because of the "type": "module" the real package.json gives it.
  writeFileSync(join(tmp, 'package.json'), JSON.stringify({ type: 'module' }));
  const env = { ...process.env, STUB_APP_ROOT: tmp, IMSG_COMPANION_STATE_DIR: join(tmp, 'state'), HOME: tmp };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', pathToFileURL(join(tmp, 'register.mjs')).href, join(tmp, 'dist', 'main', 'main.js')], { cwd: tmp, env, timeout: 45_000 });
  report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the bundled main process', () => {
  it('boots in order: single-instance lock, sandbox, privileged scheme, then ready', () => {
    expect((report.calls as string[]).slice(0, 5)).toEqual(['setPath:userData', 'requestSingleInstanceLock', 'enableSandbox', 'registerSchemesAsPrivileged', 'whenReady']);
    expect(report.loaded).toEqual(['app://ui/index.html']);
  });

  it('runs the real core: a snapshot is pushed and status:get answers through the IPC wrapper', () => {
    expect(report.pushed).toContain('imsg:event:snapshot');
    expect(report.status).toMatchObject({ ok: true, data: { version: '0.0.0-test', paused: false, config: { path: join(tmp, 'state', 'config.json5') } } });
  });

  it('refuses a foreign origin and an invalid payload', () => {
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(report.invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('serves the renderer over app:// with the CSP header, and quits through before-quit', () => {
    expect(report.page).toMatchObject({ status: 200, csp: expect.stringContaining("script-src 'self'"), body: expect.stringContaining('<div id="root">') });
    expect(report.quitDeferred).toBe(true);
  });

  it('takes the state dir through the control socket (the CLI sees "app"), logs to its file, keeps its own userData', () => {
    expect(report.owner).toMatchObject({ kind: 'app', version: '0.0.0-test' });
    expect(report.logFile).toMatch(/^\S+Z info {2}imsg Companion 0\.0\.0-test starting \(pid \d+\)$/m);
    expect(report.userData).toBe(join(tmp, 'appdata', 'imsg Companion'));
  });
});
