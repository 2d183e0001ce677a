// Bounded memory under a burst. Measured with `npm run bench` (serveBurst: serve over the
// simulator, 1000 DMs at once, echo agent): the live JS heap after the burst is only ~2.5 MB
// larger than at idle (nothing holds the burst: imsg hands over ≤100 rows per poll, and the
// queue, journal and activity batches are written and dropped), but V8 doubled its young
// generation twice (8 → 32 MB of new space) because the ~100 messages in flight survive
// scavenges, and kept those pages: RSS 72 → 108 MB. With the young generation kept at its
// initial size the same burst peaks at ~1.3× idle; scavenges get more frequent, not slower.
import { setFlagsFromString } from 'node:v8';

/** Keep V8's young generation at its initial size for this process; call once, early, in an entry point. */
export function boundYoungGeneration(): void {
  // Read by V8 each time it considers growing new space, so setting it at run time takes effect.
  setFlagsFromString('--semi-space-growth-factor=1');
}
