// Vitest global setup: rebuild dist/ so process-level tests never run stale bins.
// @ts-expect-error -- plain .mjs build script without type declarations
import { buildNode } from '../../build/build-node.mjs';

/**
 * Build the CLI and simulator bins once before any test file runs. In CI a failed build fails
 * the run; locally it only warns, so one half-written module does not block unrelated tests.
 */
export default async function setup(): Promise<void> {
  try {
    await buildNode();
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`[global-setup] build failed, process tests may use stale bins: ${String(err)}`);
  }
}
