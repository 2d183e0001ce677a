// The state dir the menu-bar app uses: the same resolution as the CLI and `serve` on macOS.
import { resolveStateDir } from '../core/config/paths.js';

/** `$IMSG_COMPANION_STATE_DIR`, else ~/Library/Application Support/imsg-companion. */
export function appStateDir(env: NodeJS.ProcessEnv = process.env, home?: string): string {
  // The app is macOS-only; 'darwin' keeps a dev run on another OS on the same layout.
  return resolveStateDir({ env, platform: 'darwin', home });
}
