// Builds the Electron main process (dist/main/main.js, ESM, the core bundled in) and the sandboxed
// preload (dist/preload/preload.cjs, ONE CommonJS file: a sandboxed preload can only require
// `electron`, electron:docs/tutorial/sandbox.md). Run by `npm run build:electron` and the tests.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Output files relative to the repo root (electron-builder's `files` and the tests use them). */
export const ELECTRON_OUTPUTS = { main: 'dist/main/main.js', preload: 'dist/preload/preload.cjs' };

/** Bundle main and preload into `outRoot` (default: the repo root, i.e. dist/ beside the renderer). */
export async function buildElectron(outRoot = root) {
  await Promise.all([
    build({
      absWorkingDir: root,
      entryPoints: ['electron/main/main.ts'],
      outfile: resolve(outRoot, ELECTRON_OUTPUTS.main),
      bundle: true,
      // Only electron stays outside: the packaged app needs no node_modules for the core (execa is ESM-only,
      // so the main process is ESM, macos-electron §0).
      external: ['electron'],
      platform: 'node',
      format: 'esm',
      target: 'node22',
      sourcemap: 'linked',
      logLevel: 'warning',
      // Bundled CommonJS dependencies call require() for Node builtins; ESM has no require of its own.
      banner: { js: "import { createRequire as __imsgCreateRequire } from 'node:module'; const require = __imsgCreateRequire(import.meta.url);" },
    }),
    build({
      absWorkingDir: root,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: resolve(outRoot, ELECTRON_OUTPUTS.preload),
      bundle: true,
      external: ['electron'],
      // 'browser' makes any accidental node: import fail the build instead of the sandboxed preload.
      platform: 'browser',
      format: 'cjs',
      target: 'chrome130',
      sourcemap: 'linked',
      logLevel: 'warning',
    }),
  ]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectron();
}
