// Checks every PlatformPort makes before touching the OS (headless and Electron alike).
import { isAbsolute } from 'node:path';
import { osName } from './launcher.js';

/** "This computer runs Linux, not macOS: there is no Finder to show it in." */
export function notMacReason(platform: NodeJS.Platform, consequence: string): string {
  return `This computer runs ${osName(platform)}, not macOS: ${consequence}.`;
}

/**
 * Why `path` can't be revealed, or undefined when it can: it must be an absolute path without
 * control characters (so it can never read as an option) that exists.
 */
export async function revealProblem(path: unknown, pathExists: (path: string) => Promise<boolean>): Promise<string | undefined> {
  if (typeof path !== 'string' || !isAbsolute(path) || /[\u0000-\u001f]/.test(path)) return `Can't show "${String(path).slice(0, 200)}": not an absolute path.`;
  if (!(await pathExists(path))) return `Nothing to show: ${path} doesn't exist.`;
  return undefined;
}
