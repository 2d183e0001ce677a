// `shell.openExternal` for main-owned constants only (macos-electron §2.1 #15): the System
// Settings deep links of §3.5, matched exactly (the project has no docs site to link yet).
// An http(s)-only guard would silently block x-apple.systempreferences: (pingdotgg/t3code#7262),
// and a prefix match would let `…?Privacy_AllFilesAccess` or any other anchor through.
import { ALLOWED_SETTINGS_URLS } from '../core/platform/settings-links.js';

/** Every URL the app may hand to the OS, compared as exact strings. */
export const EXTERNAL_ALLOWLIST: ReadonlySet<string> = new Set(ALLOWED_SETTINGS_URLS);

/** True when `url` is exactly one of the allowlisted constants. */
export function isAllowedExternal(url: unknown): url is string {
  return typeof url === 'string' && EXTERNAL_ALLOWLIST.has(url);
}

/** The part of Electron's `shell` used here. */
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Open `url` with the OS if it is allowlisted; refusals and failures come back as a reason. */
export async function openAllowedExternal(shell: ShellLike, url: unknown): Promise<{ opened: boolean; reason?: string }> {
  if (!isAllowedExternal(url)) return { opened: false, reason: `refused to open a URL that is not on the allowlist: ${String(url).slice(0, 120)}` };
  try {
    await shell.openExternal(url);
    return { opened: true };
  } catch (err) {
    return { opened: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
