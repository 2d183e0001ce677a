// The System Settings deep links (macos-electron §3.5): constants only, legacy → extension → root.
import { describe, expect, it } from 'vitest';
import { ALLOWED_SETTINGS_URLS, openSettingsPane, SETTINGS_LINKS, settingsLinks } from '../../../electron/core/platform/settings-links.js';

const ROOT = 'x-apple.systempreferences:com.apple.preference.security';

describe('SETTINGS_LINKS', () => {
  it('lists the documented links in fallback order', () => {
    expect(SETTINGS_LINKS['full-disk-access']).toEqual([
      'x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles',
      'x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension?Privacy_AllFiles',
      ROOT,
    ]);
    expect(SETTINGS_LINKS.automation).toEqual([
      'x-apple.systempreferences:com.apple.preference.security?Privacy_Automation',
      'x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension?Privacy_Automation',
      ROOT,
    ]);
    expect(SETTINGS_LINKS['login-items']).toEqual(['x-apple.systempreferences:com.apple.LoginItems-Settings.extension']);
    expect(SETTINGS_LINKS.privacy[0]).toBe(ROOT);
  });

  it('spells the anchor Privacy_AllFiles and only uses the settings scheme', () => {
    for (const url of ALLOWED_SETTINGS_URLS) {
      expect(url.startsWith('x-apple.systempreferences:')).toBe(true);
      expect(url).not.toContain('Privacy_AllFilesAccess');
    }
    expect(ALLOWED_SETTINGS_URLS.size).toBe(7);
  });

  it('cannot be changed at run time', () => {
    expect(() => (SETTINGS_LINKS.automation as string[]).push('https://evil.example')).toThrow();
  });

  it('knows panes only by name, never by URL or prototype key', () => {
    expect(settingsLinks('automation')).toBe(SETTINGS_LINKS.automation);
    for (const bad of ['https://evil.example', 'constructor', '__proto__', 'toString', 42, undefined]) expect(settingsLinks(bad)).toBeUndefined();
  });
});

describe('openSettingsPane', () => {
  it('stops at the first link that opens', async () => {
    const tried: string[] = [];
    const result = await openSettingsPane('full-disk-access', async (url) => {
      tried.push(url);
      return { opened: true };
    });
    expect(result).toEqual({ opened: true, url: SETTINGS_LINKS['full-disk-access'][0] });
    expect(tried).toHaveLength(1);
  });

  it('falls back legacy → extension → root and reports the last failure', async () => {
    const tried: string[] = [];
    const result = await openSettingsPane('automation', async (url) => {
      tried.push(url);
      return tried.length === 3 ? { opened: true } : { opened: false, reason: `no ${tried.length}` };
    });
    expect(tried).toEqual(SETTINGS_LINKS.automation);
    expect(result).toEqual({ opened: true, url: ROOT });
    const none = await openSettingsPane('automation', async () => ({ opened: false, reason: 'LSOpen failed' }));
    expect(none).toEqual({ opened: false, url: SETTINGS_LINKS.automation[0], reason: "System Settings didn't open: LSOpen failed" });
  });

  it('opens nothing for an unknown pane', async () => {
    const tried: string[] = [];
    const result = await openSettingsPane('https://evil.example' as never, async (url) => {
      tried.push(url);
      return { opened: true };
    });
    expect(result.opened).toBe(false);
    expect(tried).toEqual([]);
  });
});
