// How this launch happened: at login (stay in the menu bar) or by the user (show the popover, so a
// new user sees the app even when the icon is hidden behind the notch of a full menu bar).

/** The part of `app` used here. */
export interface LaunchApp {
  getLoginItemSettings(): { wasOpenedAtLogin?: boolean };
}

/** True when macOS started the app as a login item (`wasOpenedAtLogin`, macOS only). */
export function openedAtLogin(app: LaunchApp, platform: NodeJS.Platform): boolean {
  if (platform !== 'darwin') return false;
  try {
    return app.getLoginItemSettings().wasOpenedAtLogin === true;
  } catch {
    return false;
  }
}
