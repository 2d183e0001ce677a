// Builds the Node entry points (CLI, simulator, bench) into dist/ with esbuild; run by `prepare`.
import { chmodSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Entry points: source → output path under dist/ (without extension). */
export const ENTRIES = {
  // The executable: a small launcher that runs the CLI bundle below through a V8 code cache.
  'bin/imsg-companion': 'electron/cli/launch.ts',
  'bin/imsg-companion-main': 'electron/cli/bin.ts',
  'bin/imsg-sim': 'test/sim/main.ts',
  'bench/bench': 'test/bench/bench.ts',
  // A real ACP agent process (SDK agent side) for the ACP runtime tests.
  'test/acp-agent': 'test/acp/test-agent.ts',
};

/** Command names: one file each under electron/cli/commands/. */
function listCommands() {
  return readdirSync(resolve(root, 'electron/cli/commands'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * Entries whose dependencies are bundled in too: resolving and loading zod's and execa's ~150 ESM
 * files took ~0.2 s of every CLI start. CommonJS (`.cjs`): vm.Script can compile it with a code cache.
 */
const SELF_CONTAINED = new Set(['bin/imsg-companion-main']);

/** Bundle every entry (dependencies stay external, except for SELF_CONTAINED) and mark the bins executable. */
export async function buildNode() {
  const entries = Object.entries(ENTRIES);
  await Promise.all([
    buildEntries(entries.filter(([out]) => !SELF_CONTAINED.has(out)), { packages: 'external' }),
    buildEntries(entries.filter(([out]) => SELF_CONTAINED.has(out)), { cjs: true }),
  ]);
  for (const out of Object.keys(ENTRIES).filter((o) => o.startsWith('bin/') && !SELF_CONTAINED.has(o))) {
    chmodSync(resolve(root, 'dist', `${out}.js`), 0o755);
  }
}

async function buildEntries(entries, { packages, cjs = false }) {
  if (entries.length === 0) return;
  const shebang = '#!/usr/bin/env node';
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(entries),
    outdir: 'dist',
    bundle: true,
    ...(packages ? { packages } : {}),
    platform: 'node',
    format: cjs ? 'cjs' : 'esm',
    ...(cjs ? { outExtension: { '.js': '.cjs' } } : {}),
    target: 'node20',
    // The CLI: less text to read and hash at every start (2 → 1.5 MB); names stay, so stack traces read.
    ...(cjs ? { minifyWhitespace: true, minifySyntax: true } : {}),
    sourcemap: 'linked',
    logLevel: 'warning',
    // CommonJS: strict like the ESM sources, and import.meta.url (the bundle's own URL) from __filename.
    banner: { js: cjs ? `'use strict';\nconst __imsgMetaUrl = require('node:url').pathToFileURL(__filename).href;` : shebang },
    // The CLI lists its commands from this constant once bundled (no commands/ folder in dist/).
    define: { __IMSG_COMPANION_COMMANDS__: JSON.stringify(listCommands()), ...(cjs ? { 'import.meta.url': '__imsgMetaUrl' } : {}) },
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
