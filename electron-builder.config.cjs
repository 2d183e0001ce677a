// electron-builder 26 config for the signed + notarized menu-bar app (macos-electron §2.3, §2.6).
// Signing: CSC_LINK + CSC_KEY_PASSWORD (a Developer ID Application certificate). Notarization:
// APPLE_API_KEY (path to the .p8 key), APPLE_API_KEY_ID, APPLE_API_ISSUER. Without them the build
// is unsigned/un-notarized (local use only: TCC grants don't survive unsigned rebuilds, §3.1).

// The GitHub repository whose releases feed auto-update (electron-updater reads app-update.yml,
// which `publish` writes into the app). In GitHub Actions it is the repository being built.
const [owner, repo] = (process.env.GITHUB_REPOSITORY || 'imsg-companion/imsg-companion').split('/');

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  // TCC grants are keyed by this id and the signature: never change it casually (§2.3).
  appId: 'dev.imsgcompanion.app',
  productName: 'imsg Companion',
  copyright: 'Copyright © imsg Companion contributors',
  directories: { output: 'release', buildResources: 'build' },
  // package.json has no "main" for the Node CLI's sake; the packaged app starts the bundled main.
  extraMetadata: { main: 'dist/main/main.js' },
  // Bundles only: main (core and its dependencies included, test/packaging/main-bundle.test.ts runs
  // it without node_modules) and preload are self-contained, the renderer is static. So the
  // production node_modules electron-builder would add are dead weight to ship and sign: excluded.
  files: ['dist/main/**/*.js', 'dist/preload/**/*.cjs', 'dist/renderer/**/*', '!dist/renderer/**/*.map', 'assets/tray-*.png', 'package.json', '!node_modules{,/**}'],
  asar: true,
  // No native production dependency (better-sqlite3 is dev-only, for the simulator).
  npmRebuild: false,
  // Auto-update (electron/main/updater.ts): GitHub releases; the release workflow uploads the zips
  // and latest-mac.yml (their sha512) to a draft release. Squirrel.Mac installs from the zip.
  publish: { provider: 'github', owner, repo, releaseType: 'draft' },
  mac: {
    target: [
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] }, // Squirrel.Mac updates need the zip
    ],
    category: 'public.app-category.productivity',
    // A ready .icns: a .png would make electron-builder download its icon converter.
    icon: 'build/icon.icns',
    // Electron 44+ needs macOS 13.
    minimumSystemVersion: '13.0',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    notarize: true,
    extendInfo: {
      // Menu-bar only: no Dock icon, no app switcher entry (§2.2).
      LSUIElement: true,
      // Shown in the Automation prompt; without it Apple Events fail with -1743 and no prompt (§2.3).
      NSAppleEventsUsageDescription: 'imsg Companion uses Messages to send the replies you approve and to check that it is allowed to.',
      // imsg resolves senders' contact names; run by the app, that access is the app's (TCC asks with this text).
      NSContactsUsageDescription: 'imsg Companion shows the names of the people who message your assistant (in pairing requests and conversations), from your Contacts.',
    },
  },
  // Flipped after packing, before signing (§2.6; matches Fiddle's and Signal's set + the file fuse).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // The UI is served from app://, so file:// needs no extra privileges.
    grantFileProtocolExtraPrivileges: false,
    // Flipping fuses breaks Electron's ad-hoc arm64 signature; unsigned local builds need it redone.
    // It runs `codesign`, which exists on macOS only (signed builds are re-signed afterwards anyway).
    resetAdHocDarwinSignature: process.platform === 'darwin',
  },
};
