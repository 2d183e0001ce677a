// `npm run test:mac`: build an unsigned imsg Companion.app and drive it with Playwright's Electron
// driver (test/mac). macOS only; stops loudly when something is missing. The e2e build differs from
// a release build in one fuse only: Node's --inspect argument stays on, because Playwright attaches
// to the main process through it (the release build turns it off, electron-builder.config.cjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fail = (message) => {
  console.error(`\ntest:mac: ${message}\n`);
  process.exit(1);
};
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

if (process.platform !== 'darwin') fail('this check starts the real Electron app and runs on macOS only (CI: .github/workflows/mac.yml).');
if (!existsSync(join(root, 'node_modules', 'electron-builder'))) fail('node_modules is missing: run `npm ci` first.');
const out = join(root, 'release-e2e');
run('npm', ['run', 'build']);
run('npm', ['run', 'build:electron']);
run('npx', [
  'electron-builder', '--config', 'electron-builder.config.cjs', '--mac', '--dir', `--${process.arch === 'arm64' ? 'arm64' : 'x64'}`, '--publish', 'never',
  '-c.mac.identity=null', '-c.mac.notarize=false', '-c.electronFuses.enableNodeCliInspectArguments=true', `-c.directories.output=${out}`,
], { CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
const dir = existsSync(out) ? readdirSync(out).find((d) => d.startsWith('mac') && existsSync(join(out, d, 'imsg Companion.app'))) : undefined;
if (!dir) fail(`electron-builder did not produce ${out}/mac*/imsg Companion.app`);
const app = join(out, dir, 'imsg Companion.app');
console.log(`\ntest:mac: driving ${app}\n`);
run('npx', ['vitest', 'run', '--config', 'vitest.mac.config.ts'], { IMSG_E2E_APP: app });
