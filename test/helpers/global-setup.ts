// Vitest global setup: rebuild dist/ (CLI, simulator, tray UI) so process-level and browser tests
// never run stale builds.
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildNode } from '../../build/build-node.mjs';
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildRenderer } from '../../build/build-renderer.mjs';

/**
 * Build once before any test file runs. In CI a failed build fails the run; locally it only
 * warns, so one half-written module does not block unrelated tests.
 */
export default async function setup(): Promise<void> {
  for (const [name, build] of [['node bins', buildNode], ['renderer', buildRenderer]] as const) {
    try {
      await build();
    } catch (err) {
      if (process.env.CI) throw err;
      console.warn(`[global-setup] ${name} build failed, tests may use a stale build: ${String(err)}`);
    }
  }
}
