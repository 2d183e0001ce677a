// Guards for every webContents the app ever gets (one global hook, macos-electron §2.1 #5, #11–14):
// no navigation off app://, no new windows, no webviews, no permissions.
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';
import { isAllowedExternal, openAllowedExternal, type ShellLike } from './external-links.js';

/** Cancel a navigation unless it stays on our origin (reported through `refused`). */
function stayOnApp(refused: (what: string, url: string) => void, what: string) {
  return (event: { preventDefault(): void; url: string }): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refused(what, event.url);
  };
}

/** Attach the navigation, window-open and webview guards to one webContents. */
export function guardWebContents(contents: WebContents, shell: ShellLike, refused: (what: string, url: string) => void = () => undefined): void {
  contents.on('will-navigate', stayOnApp(refused, 'navigation'));
  contents.on('will-redirect', stayOnApp(refused, 'redirect'));
  // Sub-frames too: the popover has none, so any frame navigation off app:// is unexpected.
  contents.on('will-frame-navigate', stayOnApp(refused, 'frame navigation'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refused('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    // Never a new window; an exact allowlisted constant may still go to the OS (§2.1 #14).
    if (isAllowedExternal(url)) void openAllowedExternal(shell, url);
    else refused('window.open', url);
    return { action: 'deny' };
  });
}

/** Deny every permission request and check of `session` (notifications are shown by main, not the page). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Install the global `web-contents-created` hook so no webContents escapes the guards. */
export function installWebGuards(app: App, shell: ShellLike, refused?: (what: string, url: string) => void): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell, refused));
}
