// The packaged app on a real Mac (Playwright's Electron driver): no Dock icon, a tray, the popover
// rendering a snapshot from the core, an IPC verb round trip, a second launch focusing the first,
// and no imsg child left after quitting. Run by `npm run test:mac` (build/mac-e2e.mjs), which builds
// the app and sets IMSG_E2E_APP; without it this file fails at once rather than skipping.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_BIN } from '../helpers/bins.js';
import { until } from '../helpers/until.js';

const appPath = process.env.IMSG_E2E_APP;
const executable = appPath ? join(appPath, 'Contents', 'MacOS', 'imsg Companion') : '';
let tmp: string;
let env: Record<string, string>;
let app: ElectronApplication;
let page: Page;

type Status = { ok: boolean; data?: { version: string; overall: { text: string }; accounts: Array<{ health: { state: string; pid?: number } }> } };
const status = (): Promise<Status> => page.evaluate(() => (globalThis as unknown as { imsgCompanion: { call(v: string, i: unknown): Promise<Status> } }).imsgCompanion.call('status:get', {}));

beforeAll(async () => {
  if (process.platform !== 'darwin') throw new Error('test/mac runs on macOS only: use `npm run test:mac` on a Mac (or the mac workflow).');
  if (!appPath) throw new Error('IMSG_E2E_APP is not set: run `npm run test:mac`, which builds the app and sets it.');
  tmp = mkdtempSync(join(tmpdir(), 'imsg-mac-e2e-'));
  const stateDir = join(tmp, 'state');
  const dbPath = join(tmp, 'chat.db');
  await execa(process.execPath, [SIM_BIN, 'init', '--db', dbPath]);
  const configPath = join(tmp, 'config.json5');
  writeFileSync(configPath, JSON.stringify({ channels: { imessage: { cliPath: SIM_BIN, dbPath, dmPolicy: 'pairing' } }, agents: { list: [{ id: 'echo', default: true, backend: { type: 'echo' } }] } }));
  // The simulator is a node script: the app's children need node on PATH.
  env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmp, IMSG_COMPANION_STATE_DIR: stateDir, IMSG_COMPANION_CONFIG: configPath, IMSG_COMPANION_E2E: '1' };
  app = await _electron.launch({ executablePath: executable, env, timeout: 60_000 });
  page = await app.firstWindow();
}, 120_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packaged menu-bar app', () => {
  it('has no Dock icon and a tray item', async () => {
    expect(await app.evaluate(({ app: a }) => a.dock?.isVisible() ?? false)).toBe(false);
    const tray = await app.evaluate(() => {
      const shell = (globalThis as { __imsgCompanionShell?: { tray: { bounds(): { width: number; height: number }; fallback: boolean } } }).__imsgCompanionShell;
      return shell ? { bounds: shell.tray.bounds(), fallback: shell.tray.fallback } : undefined;
    });
    expect(tray).toBeDefined();
    expect(tray?.fallback).toBe(false);
  });

  it('the popover renders the snapshot from the core, through an IPC round trip', async () => {
    await until(async () => (await status()).data?.accounts[0]?.health.state === 'watching', 'the account to watch', 45_000);
    const snap = await status();
    expect(snap.ok).toBe(true);
    expect(snap.data?.version).toBe(await app.evaluate(({ app: a }) => a.getVersion()));
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(snap.data?.overall.text ?? '???');
  });

  it('a second launch focuses the first instead of starting another', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide());
    const second = await execa(executable, [], { env, extendEnv: false, reject: false, timeout: 30_000 });
    expect(second.exitCode).toBe(0);
    await until(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false), 'the first instance to show its popover', 10_000);
  });

  it('quitting leaves no imsg child', async () => {
    const pid = (await status()).data?.accounts[0]?.health.pid;
    expect(pid).toBeGreaterThan(0);
    // The evaluate may not get its answer back from a process that is quitting.
    await app.evaluate(({ app: a }) => a.quit()).catch(() => undefined);
    await until(() => {
      try {
        process.kill(pid as number, 0);
        return false;
      } catch {
        return true;
      }
    }, 'the imsg child to exit', 15_000);
  });
});
