// Start at login: Electron's LoginItemSettings mapped to the contract's LoginItemView
// (macos-electron §2.2 "Open at login"; SMAppService-backed on macOS 13+).
import type { LoginItemView } from '../contract/permissions.js';

/** What `app.getLoginItemSettings()` returns that we read (`status` is macOS 13+ only). */
export interface LoginItemSettingsLike {
  readonly openAtLogin: boolean;
  readonly status?: string;
}

const MAC_STATUSES = ['enabled', 'not-registered', 'requires-approval', 'not-found'] as const;
type MacStatus = (typeof MAC_STATUSES)[number];
const isMacStatus = (s: unknown): s is MacStatus => typeof s === 'string' && (MAC_STATUSES as readonly string[]).includes(s);

/**
 * The contract view. On macOS `status` is the truth: `requires-approval` means the user (or
 * MDM) must allow it in System Settings → Login Items, so it is not "enabled" yet and the UI
 * offers the allowlisted Login Items deep link. Other platforms only know `openAtLogin`.
 */
export function loginItemView(settings: LoginItemSettingsLike, platform: NodeJS.Platform): LoginItemView {
  if (platform !== 'darwin' && platform !== 'win32') return { supported: false, enabled: false, status: 'unsupported' };
  if (platform === 'darwin' && isMacStatus(settings.status)) return { supported: true, enabled: settings.status === 'enabled', status: settings.status };
  return { supported: true, enabled: settings.openAtLogin, status: settings.openAtLogin ? 'enabled' : 'not-registered' };
}
