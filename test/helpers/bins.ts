// Paths of the built bins that process-level tests spawn.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built simulator executable (a real `imsg`-compatible CLI). */
export const SIM_BIN = resolve(ROOT, 'dist/bin/imsg-sim.js');
/** The built companion CLI executable. */
export const CLI_BIN = resolve(ROOT, 'dist/bin/imsg-companion.js');
