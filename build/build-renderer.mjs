// Builds the tray UI (renderer/) with Vite into dist/renderer; used by `npm run build` and the tests.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const configFile = resolve(root, 'renderer/vite.config.ts');

/** Run `vite build` with renderer/vite.config.ts (quietly); no-op when the renderer is absent. */
export async function buildRenderer() {
  if (!existsSync(configFile)) return;
  const { build } = await import('vite');
  await build({ configFile, root: resolve(root, 'renderer'), logLevel: 'warn' });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildRenderer();
}
