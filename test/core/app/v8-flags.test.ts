// tuneV8ForAllDay in a real node process: the hot path stays on baseline code (no TurboFan) and
// new space keeps its initial size under surviving allocations; the untuned run shows both would
// happen otherwise, so the test can tell.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const FLAGS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../electron/core/app/v8-flags.ts');

// Bit 4 of %GetOptimizationStatus: optimized (TurboFan here: Maglev is off in Node 20).
const PROBE = `
import { getHeapSpaceStatistics } from 'node:v8';
import { tuneV8ForAllDay } from ${JSON.stringify(FLAGS)};
if (process.argv[2] === 'tuned') tuneV8ForAllDay();
const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
const initial = newSpace();
function hot(x) { let s = 0; for (let i = 0; i < 100; i++) s += (x * i) % 7; return s; }
let t = 0;
for (let i = 0; i < 200000; i++) t += hot(i);
// ~100 in-flight messages' worth of objects that survive scavenges, as in a burst.
const kept = new Array(60000);
for (let i = 0; i < 400000; i++) kept[i % kept.length] = { i, text: 'message ' + i };
globalThis.hot = hot;
const status = (0, eval)('%GetOptimizationStatus(globalThis.hot)');
console.log(JSON.stringify({ optimized: (status & 16) !== 0, initial, after: newSpace(), t, kept: kept.length }));
`;

let dir: string;
let script: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'v8-flags-'));
  script = join(dir, 'probe.mjs');
  await build({ stdin: { contents: PROBE, resolveDir: dir, loader: 'js' }, outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function probe(mode: 'tuned' | 'default'): Promise<{ optimized: boolean; initial: number; after: number }> {
  const { stdout } = await run(process.execPath, ['--allow-natives-syntax', script, mode]);
  return JSON.parse(stdout) as { optimized: boolean; initial: number; after: number };
}

describe('tuneV8ForAllDay', () => {
  it('keeps hot code off the optimizing compiler and new space at its initial size', async () => {
    const [tuned, untuned] = await Promise.all([probe('tuned'), probe('default')]);
    expect(untuned.optimized).toBe(true);
    expect(untuned.after).toBeGreaterThanOrEqual(8 * untuned.initial);
    expect(tuned.optimized).toBe(false);
    // Start-up commits one semispace; the first scavenge commits its twin: that much, never more.
    expect(tuned.after).toBeLessThanOrEqual(2 * tuned.initial);
  });
});
