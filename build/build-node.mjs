// Builds the Node entry points (CLI, simulator, bench) into dist/ with esbuild; run by `prepare`.
import { chmodSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Entry points: source → output path under dist/ (without extension). */
export const ENTRIES = {
  'bin/imsg-companion': 'electron/cli/bin.ts',
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

/** Bundle every entry (dependencies stay external) and mark the bins executable. */
export async function buildNode() {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([out, src]) => [out, src])),
    outdir: 'dist',
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
    // The CLI lists its commands from this constant once bundled (no commands/ folder in dist/).
    define: { __IMSG_COMPANION_COMMANDS__: JSON.stringify(listCommands()) },
  });
  for (const out of Object.keys(ENTRIES).filter((o) => o.startsWith('bin/'))) {
    chmodSync(resolve(root, 'dist', `${out}.js`), 0o755);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
