import { watch } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { channel, cleanup, ECHO_AGENTS, startApp } from './app-fixture.js';

afterEach(cleanup);

it('an idle companion is quiet: no snapshot rebuilds and no pairing-store lock churn while nothing happens', async () => {
  const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
  const f = fx;
  await new Promise((r) => setTimeout(r, 1000)); // start-up snapshots settle
  const touched: string[] = [];
  const watcher = watch(join(f.dir, 'credentials'), (event, name) => touched.push(`${event} ${name}`));
  let snapshots = 0;
  const off = f.app.events.on('snapshot', () => void snapshots++);
  await new Promise((r) => setTimeout(r, 1500));
  off();
  watcher.close();
  // Building a snapshot reads the pairing store under its lock; if the lock's traces count as
  // "the credentials changed", every snapshot schedules the next one, forever (CPU and disk).
  expect(touched).toEqual([]);
  expect(snapshots).toBe(0);
});
