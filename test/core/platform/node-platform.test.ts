// The headless PlatformPort: argv arrays for /usr/bin/open on macOS, nothing spawned elsewhere.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePlatform } from '../../../electron/core/platform/node-platform.js';
import type { HelperRun, RunHelper } from '../../../electron/core/platform/run-open.js';
import { ALLOWED_SETTINGS_URLS, SETTINGS_LINKS } from '../../../electron/core/platform/settings-links.js';

function recorder(answer: (args: readonly string[]) => HelperRun = () => ({ exitCode: 0, stderr: '' })): { runOpen: RunHelper; calls: Array<[string, string[]]> } {
  const calls: Array<[string, string[]]> = [];
  return {
    calls,
    runOpen: async (file, args) => {
      calls.push([file, [...args]]);
      return answer(args);
    },
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'node-platform-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createNodePlatform on darwin', () => {
  const mac = (runOpen: RunHelper) => createNodePlatform({ platform: 'darwin', env: { TERM_PROGRAM: 'iTerm.app' }, execPath: '/opt/homebrew/bin/node', runOpen });

  it('describes a headless run started from iTerm', () => {
    const p = mac(recorder().runOpen);
    expect(p.describe()).toEqual({ os: 'macOS', macos: true, mode: 'headless', launchContext: 'serve, started from iTerm', canOpenSettings: true, canReveal: true, loginItems: false });
    expect(p.appPath()).toBe('/opt/homebrew/bin/node');
    expect(p.launcher()).toMatchObject({ name: 'iTerm' });
  });

  it('opens settings with /usr/bin/open and an allowlisted constant, falling back on failure', async () => {
    const ok = recorder();
    expect(await mac(ok.runOpen).openSettings('full-disk-access')).toEqual({ opened: true, url: SETTINGS_LINKS['full-disk-access'][0] });
    expect(ok.calls).toEqual([['/usr/bin/open', [SETTINGS_LINKS['full-disk-access'][0]]]]);
    const failing = recorder((args) => (args[0] === SETTINGS_LINKS.automation[2] ? { exitCode: 0, stderr: '' } : { exitCode: 1, stderr: 'LSOpenURLsWithRole() failed' }));
    expect(await mac(failing.runOpen).openSettings('automation')).toMatchObject({ opened: true, url: SETTINGS_LINKS.automation[2] });
    expect(failing.calls.map(([file, args]) => [file, args])).toEqual(SETTINGS_LINKS.automation.map((url) => ['/usr/bin/open', [url]]));
    for (const [, args] of [...ok.calls, ...failing.calls]) expect(ALLOWED_SETTINGS_URLS.has(args[0] as string)).toBe(true);
  });

  it('refuses an unknown pane without spawning', async () => {
    const r = recorder();
    expect(await mac(r.runOpen).openSettings('https://evil.example' as never)).toMatchObject({ opened: false });
    expect(r.calls).toEqual([]);
  });

  it('reveals an existing absolute path with open -R, and nothing else', async () => {
    const r = recorder();
    const p = mac(r.runOpen);
    expect(await p.reveal(dir)).toEqual({ opened: true });
    expect(await p.reveal(join(dir, 'missing'))).toMatchObject({ opened: false, reason: expect.stringContaining("doesn't exist") });
    expect(await p.reveal('-a Calculator')).toMatchObject({ opened: false, reason: expect.stringContaining('not an absolute path') });
    expect(await p.reveal(`${dir}\n-a`)).toMatchObject({ opened: false });
    expect(r.calls).toEqual([['/usr/bin/open', ['-R', dir]]]);
  });

  it('opens Messages with open -a Messages and reports a failed run', async () => {
    const r = recorder();
    expect(await mac(r.runOpen).openMessages()).toEqual({ opened: true });
    expect(r.calls).toEqual([['/usr/bin/open', ['-a', 'Messages']]]);
    const failing = recorder(() => ({ exitCode: 1, stderr: 'Unable to find application named Messages' }));
    expect(await mac(failing.runOpen).openMessages()).toEqual({ opened: false, reason: 'open failed (exit code 1): Unable to find application named Messages.' });
  });

  it('has no login item in headless mode', async () => {
    const r = recorder();
    expect(await mac(r.runOpen).loginItem(true)).toEqual({ supported: false, enabled: false, status: 'unsupported' });
    expect(r.calls).toEqual([]);
  });
});

describe('createNodePlatform on linux', () => {
  it('answers "not on macOS" for everything and spawns nothing', async () => {
    const r = recorder();
    const p = createNodePlatform({ platform: 'linux', env: { TERM_PROGRAM: 'vscode' }, execPath: '/usr/bin/node', runOpen: r.runOpen });
    expect(p.describe()).toMatchObject({ os: 'Linux', macos: false, mode: 'headless', launchContext: 'serve on Linux', canOpenSettings: false, canReveal: false, loginItems: false });
    const settings = await p.openSettings('full-disk-access');
    expect(settings).toMatchObject({ opened: false, url: SETTINGS_LINKS['full-disk-access'][0] });
    expect(settings.reason).toContain('not macOS');
    for (const result of [await p.reveal(dir), await p.openMessages()]) {
      expect(result.opened).toBe(false);
      expect(result.reason).toContain('not macOS');
    }
    expect(await p.loginItem()).toMatchObject({ supported: false, status: 'unsupported' });
    expect(r.calls).toEqual([]);
  });

  it('uses the .app bundle when run from inside one', () => {
    const p = createNodePlatform({ platform: 'darwin', env: {}, execPath: '/Applications/imsg Companion.app/Contents/MacOS/imsg Companion' });
    expect(p.appPath()).toBe('/Applications/imsg Companion.app');
    expect(p.describe().launchContext).toContain('without a terminal');
  });
});
