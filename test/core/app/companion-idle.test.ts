import { watch } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { channel, cleanup, ECHO_AGENTS, startApp } from './app-fixture.js';

afterEach(cleanup);

it('an idle companion is quiet: no snapshot rebuilds and no pairing-store lock churn while nothing happens', async () => {
  const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
  const f = fx;
  // Subscribed from the start (as the UI is): snapshots are only built while someone listens.
  let snapshots = 0;
  const off = f.app.events.on('snapshot', () => void snapshots++);
  f.app.changed();
  await new Promise((r) => setTimeout(r, 1000)); // start-up snapshots settle
  expect(snapshots).toBeGreaterThan(0);
  snapshots = 0;
  const touched: string[] = [];
  const watcher = watch(join(f.dir, 'credentials'), (event, name) => touched.push(`${event} ${name}`));
  await new Promise((r) => setTimeout(r, 1500));
  off();
  watcher.close();
  // Building a snapshot reads the pairing store under its lock; if the lock's traces count as
  // "the credentials changed", every snapshot schedules the next one, forever (CPU and disk).
  expect(touched).toEqual([]);
  expect(snapshots).toBe(0);
});

it('stop() waits for a snapshot being built, and none is built or pushed after it', async () => {
  const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
  const pushed: number[] = [];
  let stopped = false;
  const off = fx.app.events.on('snapshot', () => void pushed.push(stopped ? 1 : 0));
  fx.imsg.inject({ from: '+15550000001', text: 'hello' });
  fx.app.changed();
  await new Promise((r) => setTimeout(r, 60)); // the coalescing timer fired: a build is under way
  await fx.stop();
  stopped = true;
  fx.app.changed();
  await new Promise((r) => setTimeout(r, 200));
  off();
  expect(pushed.filter((after) => after === 1)).toEqual([]);
});
