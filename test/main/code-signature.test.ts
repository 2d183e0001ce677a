// @vitest-environment node
// Signed with a team (notifications and updates on) or not: read from `codesign -dv`.
import { describe, expect, it, vi } from 'vitest';
import { CODESIGN_BIN, hasTeamSignature, isTeamSigned } from '../../electron/main/code-signature.js';

const DEVELOPER_ID = 'Executable=/Applications/imsg Companion.app/Contents/MacOS/imsg Companion\nIdentifier=dev.imsgcompanion.app\nAuthority=Developer ID Application: Example (ABCDE12345)\nTeamIdentifier=ABCDE12345\n';
const ADHOC = 'Executable=/x\nIdentifier=Electron\nSignature=adhoc\nTeamIdentifier=not set\n';

describe('code signature', () => {
  it('a Developer ID signature has a team; ad-hoc and unsigned do not', () => {
    expect(hasTeamSignature(DEVELOPER_ID)).toBe(true);
    expect(hasTeamSignature(ADHOC)).toBe(false);
    expect(hasTeamSignature('Identifier=x\nTeamIdentifier=not set\n')).toBe(false);
    expect(hasTeamSignature('code object is not signed at all')).toBe(false);
  });

  it('asks /usr/bin/codesign about the bundle only for the packaged Mac app', async () => {
    const run = vi.fn(async () => ({ exitCode: 0, stderr: DEVELOPER_ID }));
    expect(await isTeamSigned('/Applications/imsg Companion.app', { packaged: true, platform: 'darwin', run })).toBe(true);
    expect(run).toHaveBeenCalledWith(CODESIGN_BIN, ['-dv', '--verbose=2', '/Applications/imsg Companion.app']);
    expect(await isTeamSigned('/Applications/imsg Companion.app', { packaged: false, platform: 'darwin', run })).toBe(false);
    expect(await isTeamSigned('/usr/bin/electron', { packaged: true, platform: 'darwin', run })).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
    expect(await isTeamSigned('/Applications/imsg Companion.app', { packaged: true, platform: 'darwin', run: async () => ({ exitCode: 1, stderr: DEVELOPER_ID }) })).toBe(false);
  });
});
