// @vitest-environment node
// The global web-contents-created hook: navigation, redirects, window.open, webviews, permissions.
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, installWebGuards } from '../../electron/main/web-guards.js';
import { createFakeElectron, FakeWebContents } from './fake-electron.js';

function guarded() {
  const fake = createFakeElectron();
  const refused = vi.fn();
  installWebGuards(fake.app as unknown as App, fake.shell, refused);
  const contents = new FakeWebContents();
  fake.app.emit('web-contents-created', {}, contents as unknown as WebContents);
  const navigate = (event: string, url: string) => {
    const e = { url, preventDefault: vi.fn() };
    contents.emit(event, e);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { fake, refused, contents, navigate };
}

describe('installWebGuards', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: cancels anything off app://ui', (event) => {
    const { navigate, refused } = guarded();
    expect(navigate(event, 'https://example.com/')).toBe(true);
    expect(navigate(event, 'app://evil/index.html')).toBe(true);
    expect(navigate(event, 'file:///etc/passwd')).toBe(true);
    expect(navigate(event, 'javascript:alert(1)')).toBe(true);
    expect(refused).toHaveBeenCalledTimes(4);
    expect(navigate(event, 'app://ui/index.html#pairing')).toBe(false);
  });

  it('denies every window.open, handing only exact allowlisted links to the OS', async () => {
    const { contents, fake, refused } = guarded();
    const open = contents.windowOpenHandler;
    expect(open).toBeDefined();
    expect(open?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'x-apple.systempreferences:com.apple.preference.security?Privacy_AllFilesAccess' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fake.shell.opened).toEqual(['x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles']);
    expect(refused).toHaveBeenCalledWith('window.open', 'https://example.com/');
  });

  it('prevents attaching a webview', () => {
    const { contents } = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const fake = createFakeElectron();
    denyAllPermissions(fake.session.defaultSession as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['notifications', 'media', 'geolocation', 'openExternal', 'clipboard-read']) fake.session.defaultSession.requestHandler?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(fake.session.defaultSession.checkHandler?.()).toBe(false);
  });
});
