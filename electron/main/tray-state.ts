// What the menu-bar icon shows for a snapshot: icon variant, title next to it, tooltip. Pure.
import type { AccountView, Snapshot } from '../contract/views.js';

/** The icon variants in assets/ (each as a macOS Template image plus light/dark PNGs). */
export type TrayIconState = 'normal' | 'attention' | 'paused';

/** The tray's look. */
export interface TrayLook {
  readonly icon: TrayIconState;
  /** Text right of the icon (macOS only); empty when nothing needs the user. */
  readonly title: string;
  readonly tooltip: string;
}

/** Enabled accounts that are down: fatal, or backing off after an error (same rule as the overall line). */
export function failingAccounts(snapshot: Snapshot): AccountView[] {
  return snapshot.accounts.filter((a) => a.enabled && (a.health.state === 'fatal' || (a.health.state === 'backoff' && a.health.lastError !== undefined)));
}

/** Permission rows that block the app (denied; "unknown" and "not-determined" are not failures yet). */
export function deniedPermissions(snapshot: Snapshot): Snapshot['permissions'] {
  return snapshot.permissions.filter((p) => p.status === 'denied');
}

/**
 * The badge: the number of pending approvals, then "!" when an account fails or a permission is
 * denied, so a glance at the menu bar says whether the popover needs opening.
 */
export function trayLook(snapshot: Snapshot | undefined): TrayLook {
  if (!snapshot) return { icon: 'normal', title: '', tooltip: 'imsg Companion: starting' };
  const pending = snapshot.pairing.pending.length;
  const broken = failingAccounts(snapshot).length + deniedPermissions(snapshot).length;
  const title = [pending > 0 ? String(pending) : '', broken > 0 ? '!' : ''].filter((part) => part !== '').join(' ');
  const waiting = pending === 1 ? '1 pairing request waiting' : `${pending} pairing requests waiting`;
  // Notifications that do not show are said here (and in Settings), not badged: an unsigned build never has them.
  const quiet = snapshot.platform.notifications?.ok === false ? ' · notifications do not show (see Settings)' : '';
  const tooltip = `imsg Companion: ${snapshot.overall.text}${pending > 0 ? ` · ${waiting}` : ''}${quiet}`;
  const icon: TrayIconState = pending > 0 || broken > 0 ? 'attention' : snapshot.paused ? 'paused' : 'normal';
  return { icon, title, tooltip };
}

/** The icon file in assets/: a Template image on macOS (it follows the menu bar's appearance), else light/dark. */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform, darkMenuBar: boolean): string {
  if (platform === 'darwin') return `tray-${state}Template.png`;
  return `tray-${state}-${darkMenuBar ? 'dark' : 'light'}.png`;
}
