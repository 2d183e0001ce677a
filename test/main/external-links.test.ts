// @vitest-environment node
// shell.openExternal only ever receives an exact allowlisted constant (macos-electron §2.1 #15, §3.5).
import { describe, expect, it } from 'vitest';
import { SETTINGS_LINKS } from '../../electron/core/platform/settings-links.js';
import { EXTERNAL_ALLOWLIST, isAllowedExternal, openAllowedExternal } from '../../electron/main/external-links.js';
import { createFakeElectron } from './fake-electron.js';

describe('openAllowedExternal', () => {
  it('opens every System Settings deep link of §3.5, including Login Items', async () => {
    const { shell } = createFakeElectron();
    for (const url of Object.values(SETTINGS_LINKS).flat()) expect(await openAllowedExternal(shell, url)).toEqual({ opened: true });
    expect(shell.opened).toContain('x-apple.systempreferences:com.apple.LoginItems-Settings.extension');
    expect(shell.opened).toContain('x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles');
    expect(new Set(shell.opened)).toEqual(EXTERNAL_ALLOWLIST);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'x-apple.systempreferences:com.apple.preference.security?Privacy_AllFilesAccess',
    'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
    'x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles&x=1',
    'X-APPLE.SYSTEMPREFERENCES:com.apple.preference.security?Privacy_AllFiles',
    ' x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles',
    'x-apple.systempreferences:com.apple.LoginItems-Settings.extension/../evil',
    'file:///Applications/Calculator.app',
    'javascript:alert(1)',
    'app://ui/index.html',
  ])('refuses %s', async (url) => {
    const { shell } = createFakeElectron();
    const result = await openAllowedExternal(shell, url);
    expect(result.opened).toBe(false);
    expect(result.reason).toMatch(/allowlist/);
    expect(shell.opened).toEqual([]);
  });

  it('refuses non-strings and reports an OS failure as a reason', async () => {
    expect(isAllowedExternal({ toString: () => 'x-apple.systempreferences:com.apple.LoginItems-Settings.extension' })).toBe(false);
    const failing = { openExternal: async () => Promise.reject(new Error('no handler for URL')) };
    expect(await openAllowedExternal(failing, 'x-apple.systempreferences:com.apple.LoginItems-Settings.extension')).toEqual({ opened: false, reason: 'no handler for URL' });
  });
});
