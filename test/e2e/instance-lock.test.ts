// One instance per state dir across `serve` and the menu-bar app: the control socket is the lock.
// A second `serve` is refused naming the first (pid, serve or app); the "app" here is the app's
// real core host (electron/main/core-host.ts) without Electron, taking the same core lock.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/main/core-host.js';
import type { CoreHandle } from '../../electron/main/electron-api.js';
import { createNodePlatform } from '../../electron/core/platform/node-platform.js';
import { InstanceBusyError } from '../../electron/core/transport/control-owner.js';
import { World } from './serve-harness.js';

let world: World | undefined;
let appHost: CoreHandle | undefined;
afterEach(async () => {
  await appHost?.stop();
  await world?.dispose();
  appHost = undefined;
  world = undefined;
});

/** The app's core host on the world's state dir and config (what the menu-bar app runs after `ready`). */
function fakeAppHost(w: World): CoreHandle {
  const env = w.env({ IMSG_COMPANION_STATE_DIR: w.stateDir, IMSG_COMPANION_CONFIG: w.configPath });
  return createCore({ platform: createNodePlatform({ env }), version: '9.9.9-app', env });
}

describe('one instance per state dir', () => {
  it('a second serve is refused with a message naming the running serve; the CLI reaches the first', async () => {
    world = await World.create({ dmPolicy: 'open', allowFrom: ['*'] });
    const first = await world.serve();
    const second = await world.cli(['serve']);
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toContain(`imsg-companion serve: imsg Companion already runs on the state dir ${world.stateDir}: imsg-companion serve (pid ${first.pid}, version `);
    expect(second.stderr).toContain('Only one may run per state dir');
    expect(second.stdout).not.toContain('running (pid');
    // The app cannot take it either, and says who has it.
    const host = fakeAppHost(world);
    const refused = await host.start().then(() => undefined, (err: unknown) => err);
    expect(refused).toBeInstanceOf(InstanceBusyError);
    expect((refused as InstanceBusyError).owner).toMatchObject({ kind: 'serve', pid: first.pid });
    const status = await world.cli(['status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, overall: 'Watching 1 account' });
    expect((await first.stop('SIGTERM')).exitCode).toBe(0);
  });

  it('while the app runs, serve is refused naming the app, and the CLI talks to the app', async () => {
    world = await World.create({ dmPolicy: 'open', allowFrom: ['*'] });
    appHost = fakeAppHost(world);
    await appHost.start();
    await world.waitWatching();
    const serve = await world.cli(['serve']);
    expect(serve.exitCode).toBe(1);
    expect(serve.stderr).toContain(`the imsg Companion menu-bar app (pid ${process.pid}, version 9.9.9-app, started `);
    const status = await world.cli(['status', '--json']);
    expect(status.exitCode).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, overall: 'Watching 1 account' });
    // Once the app quits, serve takes the state dir.
    await appHost.stop();
    appHost = undefined;
    const next = await world.serve();
    expect(next.output()).toContain(`running (pid ${next.pid})`);
    expect((await next.stop('SIGTERM')).exitCode).toBe(0);
  });
});
