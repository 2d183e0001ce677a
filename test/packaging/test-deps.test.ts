// @vitest-environment node
// npm test's pretest (build/test-deps.mjs): where it looks for the browser, and the one fix it prints.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script without type declarations
import { chromiumCandidates, find7zip, findChromium, fixCommand } from '../../build/test-deps.mjs';

type Find = (env: Record<string, string>, platform: string, exists: (p: string) => boolean) => string | undefined;
const find = findChromium as Find;
const only = (path: string) => (p: string) => p === path;

describe('test-deps', () => {
  it('CHROMIUM_PATH wins when it exists, and is not silently replaced when it does not', () => {
    expect(find({ CHROMIUM_PATH: '/opt/chrome' }, 'linux', only('/opt/chrome'))).toBe('/opt/chrome');
    expect(find({ CHROMIUM_PATH: '/opt/chrome' }, 'linux', only('/usr/bin/chromium'))).toBeUndefined();
  });

  it("finds Debian's chromium, and Google Chrome or Chromium on a Mac", () => {
    expect(find({}, 'linux', only('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(find({ HOME: '/Users/me' }, 'darwin', only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(find({ HOME: '/Users/me' }, 'darwin', only('/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium'))).toBe('/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect((chromiumCandidates as (p: string, h: string) => string[])('darwin', '/Users/me')).toHaveLength(6);
  });

  it("finds Debian's 7-Zip under any of its names", () => {
    expect((find7zip as (env: Record<string, string>, exists: (p: string) => boolean) => string | undefined)({}, only('/usr/bin/7zz'))).toBe('/usr/bin/7zz');
  });

  it('prints one command: apt-deps on Debian (sudo when not root), brew on a Mac, or fixing CHROMIUM_PATH', () => {
    const fix = fixCommand as (platform: string, isRoot: boolean, env: Record<string, string>) => string;
    expect(fix('linux', true, {})).toBe('bash .ci/apt-deps');
    expect(fix('linux', false, {})).toBe('sudo bash .ci/apt-deps');
    expect(fix('darwin', false, {})).toMatch(/^brew install --cask google-chrome/);
    expect(fix('linux', true, { CHROMIUM_PATH: '/nope' })).toBe('unset CHROMIUM_PATH, or set it to an existing Chrome/Chromium binary');
  });
});
