// The renderer's origin: a privileged custom scheme instead of file:// (macos-electron §2.1 #18).
// Compared by parsing, never with startsWith: `app://ui.evil`, `app://ui@evil` must not pass.

/** The custom scheme the UI is served from. */
export const APP_SCHEME = 'app';

/** The one host of that scheme; every other host is refused. */
export const APP_HOST = 'ui';

/** The page the popover loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when `url` is on our origin (scheme and host, no credentials, no port). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Node's URL gives origin "null" for non-special schemes, so compare the parts instead.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === APP_HOST && parsed.port === '' && parsed.username === '' && parsed.password === '';
}
