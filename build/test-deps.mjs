// What `npm test` needs from the system besides node_modules: a Chromium for the browser tests,
// OpenSSH (sshd, ssh, scp, ssh-keygen) for the remote-Mac tests, sqlite3, and 7-Zip for the
// packaging test's zip on Linux (electron-builder downloads its own on a Mac). Run as `pretest`:
// on Debian as root it installs what is missing with the same step CI uses (.ci/apt-deps);
// anywhere else it stops at once with the one command that fixes it, instead of 40 failing tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Browsers tried in order when CHROMIUM_PATH is unset. */
export function chromiumCandidates(platform = process.platform, home = homedir()) {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'];
    return [...apps.map((a) => join('/Applications', a)), ...apps.map((a) => join(home, 'Applications', a))];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];
}

/** The browser for the web tests: CHROMIUM_PATH when set (it must exist), else the first candidate found. */
export function findChromium(env = process.env, platform = process.platform, exists = existsSync) {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return chromiumCandidates(platform, env.HOME || homedir()).find((p) => exists(p));
}

/** OpenSSH's server: /usr/sbin/sshd on Debian and on macOS (built in there). */
export const SSHD_PATH = '/usr/sbin/sshd';

/** 7-Zip for electron-builder's zip on Linux (ELECTRON_BUILDER_7ZIP_PATH, else 7za/7zz/7z in /usr/bin). */
export function find7zip(env = process.env, exists = existsSync) {
  if (env.ELECTRON_BUILDER_7ZIP_PATH) return exists(env.ELECTRON_BUILDER_7ZIP_PATH) ? env.ELECTRON_BUILDER_7ZIP_PATH : undefined;
  return ['/usr/bin/7za', '/usr/bin/7zz', '/usr/bin/7z'].find((p) => exists(p));
}

const onPath = (cmd) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { stdio: 'ignore' }).status === 0;

/** What is missing, each with what needs it. */
export function missingTestDeps(env = process.env, platform = process.platform) {
  const missing = [];
  if (!findChromium(env, platform)) missing.push(env.CHROMIUM_PATH ? `the browser at CHROMIUM_PATH=${env.CHROMIUM_PATH} (browser tests)` : 'Chromium or Google Chrome (browser tests)');
  if (!existsSync(SSHD_PATH)) missing.push(`${SSHD_PATH} (remote-Mac tests over SSH)`);
  for (const cmd of ['ssh', 'scp', 'ssh-keygen']) if (!onPath(cmd)) missing.push(`${cmd} (remote-Mac tests)`);
  if (!onPath('sqlite3')) missing.push('sqlite3 (simulator tests)');
  if (platform !== 'darwin' && !find7zip(env)) missing.push('7-Zip (the packaging test builds the update zip)');
  return missing;
}

/** The one command that installs what is missing here. */
export function fixCommand(platform = process.platform, isRoot = process.getuid?.() === 0, env = process.env) {
  if (env.CHROMIUM_PATH && !existsSync(env.CHROMIUM_PATH)) return 'unset CHROMIUM_PATH, or set it to an existing Chrome/Chromium binary';
  if (platform === 'darwin') return 'brew install --cask google-chrome   (or set CHROMIUM_PATH to a Chrome/Chromium binary; sshd, ssh and sqlite3 come with macOS)';
  return `${isRoot ? '' : 'sudo '}bash .ci/apt-deps`;
}

function main() {
  let missing = missingTestDeps();
  if (missing.length === 0) return 0;
  const badPath = Boolean(process.env.CHROMIUM_PATH) && !existsSync(process.env.CHROMIUM_PATH);
  const debianRoot = !badPath && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (debianRoot) {
    console.error(`[pretest] missing: ${missing.join(', ')}; installing with .ci/apt-deps`);
    try {
      execFileSync('bash', [join(root, '.ci', 'apt-deps')], { stdio: 'inherit' });
    } catch {
      // Reported below with what is still missing.
    }
    missing = missingTestDeps();
    if (missing.length === 0) return 0;
  }
  console.error(`\nnpm test cannot run here yet. Missing:\n${missing.map((m) => `  - ${m}`).join('\n')}\n\nFix: ${fixCommand()}\n`);
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
