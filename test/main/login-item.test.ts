// @vitest-environment node
// Start at login: Electron's status (macOS 13+) mapped to the contract, through the Electron PlatformPort.
import { describe, expect, it } from 'vitest';
import { loginItemView } from '../../electron/main/login-item.js';
import { createElectronPlatform } from '../../electron/main/electron-platform.js';
import { createFakeElectron } from './fake-electron.js';

describe('loginItemView', () => {
  it.each([
    [{ openAtLogin: true, status: 'enabled' }, { supported: true, enabled: true, status: 'enabled' }],
    [{ openAtLogin: false, status: 'not-registered' }, { supported: true, enabled: false, status: 'not-registered' }],
    // Registered but waiting for the user (or MDM) in System Settings → Login Items: not on yet.
    [{ openAtLogin: true, status: 'requires-approval' }, { supported: true, enabled: false, status: 'requires-approval' }],
    [{ openAtLogin: false, status: 'not-found' }, { supported: true, enabled: false, status: 'not-found' }],
    // Pre-13 or an unknown future status: fall back to openAtLogin.
    [{ openAtLogin: true }, { supported: true, enabled: true, status: 'enabled' }],
    [{ openAtLogin: false, status: 'something-new' }, { supported: true, enabled: false, status: 'not-registered' }],
  ])('macOS %j → %j', (settings, view) => {
    expect(loginItemView(settings, 'darwin')).toEqual(view);
  });

  it('is unsupported on Linux', () => {
    expect(loginItemView({ openAtLogin: true, status: 'enabled' }, 'linux')).toEqual({ supported: false, enabled: false, status: 'unsupported' });
  });
});

describe('createElectronPlatform', () => {
  it('loginItem reads and changes the setting through app.setLoginItemSettings', async () => {
    const fake = createFakeElectron();
    const port = createElectronPlatform({ app: fake.app, shell: fake.shell, platform: 'darwin' });
    expect(await port.loginItem()).toEqual({ supported: true, enabled: false, status: 'not-registered' });
    expect(await port.loginItem(true)).toEqual({ supported: true, enabled: true, status: 'enabled' });
    expect(fake.app.login.openAtLogin).toBe(true);
  });

  it('relaunch marks the restart, then quits through the quit guard after the verb has answered', async () => {
    const fake = createFakeElectron();
    const port = createElectronPlatform({ app: fake.app, shell: fake.shell, platform: 'darwin' });
    expect(port.relaunch?.()).toEqual({ relaunching: true });
    expect(fake.app.calls).toEqual(['relaunch']);
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.app.calls).toEqual(['relaunch', 'quit']);
  });

  it('reports requires-approval, and opens the allowlisted Login Items pane for it', async () => {
    const fake = createFakeElectron({ loginStatus: 'requires-approval' });
    const port = createElectronPlatform({ app: fake.app, shell: fake.shell, platform: 'darwin' });
    expect((await port.loginItem()).status).toBe('requires-approval');
    expect(await port.openSettings('login-items')).toEqual({ opened: true, url: 'x-apple.systempreferences:com.apple.LoginItems-Settings.extension' });
    expect(fake.shell.opened).toEqual(['x-apple.systempreferences:com.apple.LoginItems-Settings.extension']);
  });

  it('opens settings panes in order until one works, and only on macOS', async () => {
    const fake = createFakeElectron();
    let calls = 0;
    const shell = {
      ...fake.shell,
      openExternal: async (url: string) => {
        if (calls++ === 0) throw new Error('legacy anchor refused');
        fake.shell.opened.push(url);
      },
    };
    const port = createElectronPlatform({ app: fake.app, shell, platform: 'darwin' });
    expect(await port.openSettings('full-disk-access')).toEqual({ opened: true, url: 'x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension?Privacy_AllFiles' });
    const linux = createElectronPlatform({ app: fake.app, shell: fake.shell, platform: 'linux' });
    expect((await linux.openSettings('automation')).opened).toBe(false);
    expect(await port.openSettings('camera' as never)).toMatchObject({ opened: false, url: '' });
  });

  it('reveals absolute existing paths only, and opens Messages by its fixed path', async () => {
    const fake = createFakeElectron();
    const port = createElectronPlatform({ app: fake.app, shell: fake.shell, platform: 'darwin', pathExists: async (p) => p === '/Users/me/config.json5' });
    expect(await port.reveal('/Users/me/config.json5')).toEqual({ opened: true });
    expect((await port.reveal('relative/config.json5')).opened).toBe(false);
    expect((await port.reveal('/Users/me/missing')).opened).toBe(false);
    expect(fake.shell.shown).toEqual(['/Users/me/config.json5']);
    expect(await port.openMessages()).toEqual({ opened: true });
    expect(fake.shell.opened).toEqual(['/System/Applications/Messages.app']);
  });

  it('describes a dev run and a packaged app differently, and finds the .app bundle', () => {
    const fake = createFakeElectron();
    const dev = createElectronPlatform({ app: fake.app, shell: fake.shell, platform: 'darwin', env: { TERM_PROGRAM: 'iTerm.app' }, execPath: '/repo/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron' });
    expect(dev.describe()).toMatchObject({ mode: 'dev', macos: true, loginItems: true, launchContext: 'development run (electron .), started from iTerm' });
    expect(dev.launcher?.()?.name).toBe('iTerm');
    expect(dev.appPath()).toBe('/repo/node_modules/electron/dist/Electron.app');
    fake.app.isPackaged = true;
    const app = createElectronPlatform({ app: fake.app, shell: fake.shell, platform: 'darwin', env: { TERM_PROGRAM: 'iTerm.app' } });
    expect(app.describe()).toMatchObject({ mode: 'app', launchContext: 'menu-bar app' });
    expect(app.launcher?.()).toBeUndefined();
  });
});
