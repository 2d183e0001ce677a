// The System Settings deep links we may open (macos-electron §3.5): constants only, tried in
// order (legacy anchor, then the extension form, then the Privacy & Security root).
import type { SettingsPane } from '../../contract/permissions.js';
import { notMacReason } from './guards.js';

const LEGACY = 'x-apple.systempreferences:com.apple.preference.security';
const EXTENSION = 'x-apple.systempreferences:com.apple.settings.PrivacySecurity.extension';

/** Every deep link per pane, in the order to try them. The anchor is `Privacy_AllFiles` (not `…Access`). */
export const SETTINGS_LINKS: Readonly<Record<SettingsPane, readonly string[]>> = Object.freeze({
  'full-disk-access': Object.freeze([`${LEGACY}?Privacy_AllFiles`, `${EXTENSION}?Privacy_AllFiles`, LEGACY]),
  automation: Object.freeze([`${LEGACY}?Privacy_Automation`, `${EXTENSION}?Privacy_Automation`, LEGACY]),
  'login-items': Object.freeze(['x-apple.systempreferences:com.apple.LoginItems-Settings.extension']),
  privacy: Object.freeze([LEGACY, EXTENSION]),
});

/** Every URL in {@link SETTINGS_LINKS}: an `openExternal` allowlist for the Electron main process. */
export const ALLOWED_SETTINGS_URLS: ReadonlySet<string> = new Set(Object.values(SETTINGS_LINKS).flat());

/** The links of `pane`, or undefined for a value that is not a known pane (input is untrusted). */
export function settingsLinks(pane: unknown): readonly string[] | undefined {
  return typeof pane === 'string' && Object.prototype.hasOwnProperty.call(SETTINGS_LINKS, pane) ? SETTINGS_LINKS[pane as SettingsPane] : undefined;
}

/** What opening a pane did: the URL that opened (or the first one, to show when nothing did). */
export interface OpenSettingsResult {
  opened: boolean;
  url: string;
  reason?: string;
}

/**
 * Try the pane's links in order with `tryOpen` (e.g. `/usr/bin/open` or `shell.openExternal`)
 * until one opens. Only the constants above ever reach `tryOpen`.
 */
export async function openSettingsPane(pane: SettingsPane, tryOpen: (url: string) => Promise<{ opened: boolean; reason?: string }>): Promise<OpenSettingsResult> {
  const links = settingsLinks(pane);
  if (!links || links.length === 0) return { opened: false, url: '', reason: `Unknown System Settings pane: ${String(pane).slice(0, 40)}.` };
  const reasons: string[] = [];
  for (const url of links) {
    const result = await tryOpen(url);
    if (result.opened) return { opened: true, url };
    if (result.reason) reasons.push(result.reason);
  }
  return { opened: false, url: links[0] as string, reason: `System Settings didn't open${reasons.length > 0 ? `: ${reasons[reasons.length - 1]}` : '.'}` };
}

/** A PlatformPort's openSettings: unknown panes and non-macOS answered here (with the URL it would open), else {@link openSettingsPane}. */
export async function openSettingsOn(platform: NodeJS.Platform, pane: SettingsPane, tryOpen: (url: string) => Promise<{ opened: boolean; reason?: string }>): Promise<OpenSettingsResult> {
  const links = settingsLinks(pane);
  if (!links) return { opened: false, url: '', reason: `Unknown System Settings pane: ${String(pane).slice(0, 40)}.` };
  if (platform !== 'darwin') return { opened: false, url: links[0] ?? '', reason: notMacReason(platform, 'there is no System Settings to open') };
  return openSettingsPane(pane, tryOpen);
}
