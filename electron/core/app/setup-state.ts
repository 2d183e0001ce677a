// Setup mode: with no config file, or before any valid one was loaded, the companion runs no
// account and sends nothing (the empty defaults would answer strangers with nobody at the Mac).
import type { ConfigIssue } from '../config/issues.js';

/** What the snapshot, `status` and `doctor` say about setup. */
export interface SetupView {
  readonly needed: boolean;
  /** Why setup is needed (empty when it is not). */
  readonly reason: string;
  readonly configPath: string;
}

/** What to do about it, in every place that reports setup mode. */
export const SETUP_HINT = 'run `imsg-companion init` or open the app';

/** Setup state from the config file's state: missing, or never valid, means setup is needed. */
export function setupState(configPath: string, file: { readonly exists: boolean; readonly everValid: boolean }, issues: readonly ConfigIssue[]): SetupView {
  if (!file.exists) return { needed: true, reason: `no config at ${configPath}`, configPath };
  if (!file.everValid) {
    const first = issues[0];
    const problem = first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}` : '';
    return { needed: true, reason: `the config at ${configPath} is not valid yet${problem}`, configPath };
  }
  return { needed: false, reason: '', configPath };
}

/** The one line `status`, the snapshot and the tray show in setup mode. */
export function setupText(view: SetupView): string {
  return `Not set up: ${view.reason}; ${SETUP_HINT}`;
}
