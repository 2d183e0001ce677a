// @vitest-environment node
// "Move to Applications": asked once, only for the packaged app outside /Applications, with why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askedOnceFile } from '../../electron/main/asked-once.js';
import { boot } from '../../electron/main/boot.js';
import type { ElectronApi } from '../../electron/main/electron-api.js';
import { MOVE_ASKED, offerMoveToApplications } from '../../electron/main/translocation.js';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron.js';

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

function deps(over: { packaged?: boolean; inApps?: boolean; move?: boolean | Error; answer?: number; asked?: boolean; platform?: NodeJS.Platform } = {}) {
  const app = {
    isPackaged: over.packaged ?? true,
    isInApplicationsFolder: () => over.inApps ?? false,
    moveToApplicationsFolder: vi.fn(() => {
      if (over.move instanceof Error) throw over.move;
      return over.move ?? true;
    }),
  };
  const shown: Array<Record<string, unknown>> = [];
  const dialog = { showMessageBox: vi.fn(async (o: Record<string, unknown>) => (shown.push(o), { response: shown.length === 1 ? (over.answer ?? 0) : 0 })) };
  const remembered: string[] = [];
  const memory = { asked: () => over.asked ?? false, remember: async (k: string) => void remembered.push(k) };
  return { app, dialog, memory, remembered, shown, platform: over.platform ?? ('darwin' as const), log: vi.fn() };
}

describe('offerMoveToApplications', () => {
  it('asks once, explains why (permissions and the login item follow the path), and moves on yes', async () => {
    const d = deps();
    expect(await offerMoveToApplications(d)).toBe('moved');
    expect(d.remembered).toEqual([MOVE_ASKED]);
    expect(d.shown[0]).toMatchObject({ message: 'Move imsg Companion to your Applications folder?', buttons: ['Move to Applications', 'Not Now'], cancelId: 1 });
    expect(String(d.shown[0]?.detail)).toMatch(/Full Disk Access.*Start at Login/s);
    expect(d.app.moveToApplicationsFolder).toHaveBeenCalledTimes(1);
  });

  it('"Not Now" leaves the app where it is', async () => {
    const d = deps({ answer: 1 });
    expect(await offerMoveToApplications(d)).toBe('declined');
    expect(d.app.moveToApplicationsFolder).not.toHaveBeenCalled();
  });

  it.each([
    ['already in /Applications', { inApps: true }],
    ['a development run', { packaged: false }],
    ['asked before', { asked: true }],
    ['not macOS', { platform: 'linux' as const }],
  ])('does not ask when %s', async (_why, over) => {
    const d = deps(over);
    expect(await offerMoveToApplications(d)).toBe('not-needed');
    expect(d.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('a failed move says so and tells the user to drag it', async () => {
    const d = deps({ move: new Error('Failed to copy app') });
    expect(await offerMoveToApplications(d)).toBe('failed');
    expect(d.shown[1]).toMatchObject({ type: 'error', message: 'imsg Companion could not move itself to Applications.' });
    expect(String(d.shown[1]?.detail)).toContain('Failed to copy app');
  });

  it('remembers the question in a file in userData, across restarts', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'imsg-asked-'));
    const first = askedOnceFile(tmp);
    expect(first.asked(MOVE_ASKED)).toBe(false);
    await first.remember(MOVE_ASKED);
    expect(askedOnceFile(tmp).asked(MOVE_ASKED)).toBe(true);
  });
});

describe('boot with a translocated app', () => {
  it('asks before starting the core; when the move relaunches the app, no shell is started', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'imsg-transloc-'));
    FakeBrowserWindow.all.splice(0);
    const fake = createFakeElectron({ inApplications: false, appData: tmp });
    fake.app.isPackaged = true;
    const createCore = vi.fn();
    const result = await boot(fake as unknown as ElectronApi, { createCore, platform: 'darwin', log: vi.fn(), signed: false, stateDir: join(tmp, 'state') });
    expect(result).toBeUndefined();
    expect(fake.dialog.shown[0]).toMatchObject({ message: 'Move imsg Companion to your Applications folder?' });
    expect(fake.app.moved).toBe(1);
    expect(createCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });
});
