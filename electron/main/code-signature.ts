// Is this app signed with a Developer ID (a team)? Notifications and auto-update only work for such
// a build: macOS delivers no notifications to unsigned apps, and Squirrel.Mac installs an update
// only when its signature matches the running app's. An ad-hoc signature (what an unsigned
// electron-builder build has on Apple silicon) has no team and counts as unsigned.
import { runHelper, type RunHelper } from '../core/platform/run-open.js';

/** `codesign` by absolute path (never looked up on PATH). */
export const CODESIGN_BIN = '/usr/bin/codesign';

/** What `codesign -dv` printed means: signed by a team, or not. */
export function hasTeamSignature(codesignOutput: string): boolean {
  if (/^Signature=adhoc$/m.test(codesignOutput)) return false;
  const team = /^TeamIdentifier=(.+)$/m.exec(codesignOutput)?.[1]?.trim();
  return team !== undefined && team !== '' && team !== 'not set';
}

/** True when `bundle` (an .app) carries a Developer ID signature; false on any doubt. */
export async function isTeamSigned(bundle: string, opts: { packaged: boolean; platform: NodeJS.Platform; run?: RunHelper }): Promise<boolean> {
  if (!opts.packaged || opts.platform !== 'darwin' || !bundle.endsWith('.app')) return false;
  // codesign -d prints the signature details on stderr.
  const result = await (opts.run ?? runHelper)(CODESIGN_BIN, ['-dv', '--verbose=2', bundle]);
  return result.exitCode === 0 && hasTeamSignature(result.stderr);
}
