// V8 settings for a process that starts at login and mostly waits: memory that stays flat under a
// burst matters more to it than peak JS speed. Measured with `npm run bench` on the 2-core Linux
// machine (numbers in the README's Performance section).
//
// Young generation: a burst keeps ~100 messages in flight, they survive scavenges, and V8 doubled
// its new space twice (8 → 32 MB) and kept those pages (RSS 72 → 108 MB). Held at its initial
// size, scavenges get more frequent, not slower.
//
// Top tier: with TurboFan, the first burst started optimizing compiles on a background thread
// mid-burst: +6 MB of the node binary's compiler pages, that thread's malloc arena, and 1–3 ms
// stalls in the reply path (own-overhead p99 1.9–2.6 ms). Capped at Sparkplug (baseline code, no
// optimizing compiler) serve peaks ~10 MB lower (1.29× → 1.19× idle), uses ~15% less CPU for a
// 1000-DM burst, and the overhead p99 falls to ~1.3 ms; raw throughput drops ~15% (still > 2,500/s).
import { setFlagsFromString } from 'node:v8';

/** Apply the all-day V8 settings to this process; call once, early (before compiling the CLI bundle), in an entry point. */
export function tuneV8ForAllDay(): void {
  // Both are read when V8 decides (to grow new space, to tier up), so setting them at run time takes effect.
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--max-opt=1');
}
