// @vitest-environment node
// The signing/notarization config and the entitlements, checked as data (the electron-builder run
// covers what it produces; signing and notarization themselves need a Mac and Apple credentials).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
type Config = {
  appId: string;
  mac: { target: Array<{ target: string; arch: string[] }>; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize: boolean; minimumSystemVersion: string; extendInfo: Record<string, unknown> };
  electronFuses: Record<string, boolean>;
};
const config = createRequire(import.meta.url)(resolve(repo, 'electron-builder.config.cjs')) as Config;

describe('electron-builder.config.cjs', () => {
  it('builds dmg and zip for arm64 and x64, hardened, notarized, macOS 13+', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, minimumSystemVersion: '13.0', entitlements: 'build/entitlements.mac.plist', entitlementsInherit: 'build/entitlements.mac.plist' });
    expect(config.appId).toBe('dev.imsgcompanion.app');
  });

  it('sets the fuses of §2.6', () => {
    const { resetAdHocDarwinSignature, ...fuses } = config.electronFuses;
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(resetAdHocDarwinSignature).toBe(process.platform === 'darwin');
  });
});

describe('auto-update and product name', () => {
  it('publishes to GitHub releases (a draft) so the packaged app gets an app-update.yml', () => {
    const c = config as Config & { publish: Record<string, unknown> };
    expect(c.publish).toMatchObject({ provider: 'github', releaseType: 'draft' });
    expect(typeof c.publish.owner).toBe('string');
    expect(typeof c.publish.repo).toBe('string');
  });

  it('package.json names the product, so the packaged app is "imsg Companion" (not the state dir name) to Electron', () => {
    const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { productName: string; dependencies: Record<string, string> };
    expect(pkg.productName).toBe('imsg Companion');
    expect(pkg.dependencies['electron-updater']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('build/entitlements.mac.plist', () => {
  const xml = readFileSync(resolve(repo, 'build', 'entitlements.mac.plist'), 'utf8');
  const body = xml.slice(xml.indexOf('<plist'));
  const keys = [...body.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);

  it('grants only JIT, Apple Events and Contacts, each justified in a comment', () => {
    expect(keys).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.automation.apple-events', 'com.apple.security.personal-information.addressbook']);
    expect(body).toMatch(/<!--[^>]*contact names[^>]*-->\s*<key>com\.apple\.security\.personal-information\.addressbook<\/key>\s*<true\/>/);
    expect(body).toMatch(/<!--[^>]*-->\s*<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
    expect(body).toMatch(/<!--[^>]*-->\s*<key>com\.apple\.security\.automation\.apple-events<\/key>\s*<true\/>/);
  });

  it('does not grant the dangerous ones or the App Sandbox', () => {
    for (const key of ['allow-unsigned-executable-memory', 'allow-dyld-environment-variables', 'disable-library-validation', 'cs.debugger', 'app-sandbox']) expect(keys.some((k) => k?.includes(key))).toBe(false);
  });
});

describe('.github/workflows/release.yml', () => {
  const yml = readFileSync(resolve(repo, '.github', 'workflows', 'release.yml'), 'utf8');

  it('signs and notarizes from secrets on a macOS runner, then verifies and uploads', () => {
    expect(yml).toMatch(/runs-on: macos-/);
    for (const secret of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'APPLE_API_KEY_P8']) expect(yml).toContain(`secrets.${secret}`);
    expect(yml).toContain('echo "APPLE_API_KEY=$key" >> "$GITHUB_ENV"');
    expect(yml).toContain('npx electron-builder --config electron-builder.config.cjs --mac --publish always');
    expect(yml).toContain('GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}');
    expect(yml).toContain('release/latest-mac.yml');
    expect(yml).toMatch(/codesign --verify --deep --strict/);
    expect(yml).toMatch(/xcrun stapler validate/);
    expect(yml).toContain('actions/upload-artifact');
  });
});

describe('.github/workflows/mac.yml', () => {
  const yml = readFileSync(resolve(repo, '.github', 'workflows', 'mac.yml'), 'utf8');
  const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

  it('drives the built app on macos-latest with the same one script a Mac user runs locally', () => {
    expect(yml).toMatch(/runs-on: macos-latest/);
    expect(yml).toContain('run: npm run test:mac');
    expect(pkg.scripts['test:mac']).toBe('node build/mac-e2e.mjs');
    expect(pkg.scripts.pretest).toBe('node build/test-deps.mjs');
  });

  it('keeps the manual checklist for what CI cannot see', () => {
    const doc = readFileSync(resolve(repo, 'docs', 'mac-checklist.md'), 'utf8');
    for (const topic of ['TCC', 'notch', 'Sleep, wake', 'Login item', 'notarization', 'Translocation']) expect(doc.toLowerCase()).toContain(topic.toLowerCase());
  });
});

