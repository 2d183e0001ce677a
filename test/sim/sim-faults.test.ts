// Fault modes (IMSG_SIM_*): Full Disk Access denied, Automation denied, startup hang, slow sends, crashes.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { injectMessage, openChatDb } from './db-writer.js';
import { AUTOMATION_DENIED_TEXT } from './rpc/bridge-errors.js';
import { permissionBanner } from './rpc/startup-failure.js';
import { isNotification, isResponseTo, makeSimDb, runSim, SimRpc } from './rpc-harness.js';

let cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A fresh DB with `messages` inbound rows and a sim started with `env`. */
async function start(env: Record<string, string>, messages = 0, dbPath?: string): Promise<{ sim: SimRpc; path: string }> {
  const db = await makeSimDb();
  const w = openChatDb(db.dbPath);
  for (let i = 0; i < messages; i++) injectMessage(w, { from: '+15550000001', text: `m${i}` });
  w.close();
  const path = dbPath ?? db.dbPath;
  const sim = SimRpc.start({ db: path, env });
  cleanups.push(db.cleanup, () => sim.child.kill());
  return { sim, path };
}

const BANNER_START = 'unable to open database file (code: 14)\n\n⚠️  Permission Error: Cannot access Messages database\n\nThe Messages database at ';

describe('startup failure (spec §2.6)', () => {
  it('IMSG_SIM_FDA=denied answers every request with the banner, parse errors with -32700, and exits 1 at EOF', async () => {
    const { sim, path } = await start({ IMSG_SIM_FDA: 'denied' }, 1);
    const banner = permissionBanner('unable to open database file (code: 14)', path);
    expect(banner.startsWith(`${BANNER_START}${path} requires Full Disk Access permission.\n\nTo fix:\n1. Open System Settings`)).toBe(true);
    expect(banner.endsWith('\nFor more details, see: https://github.com/steipete/imsg#permissions-troubleshooting')).toBe(true);
    for (const [i, method] of ['chats.list', 'watch.subscribe', 'send', 'no.such'].entries()) {
      expect(await sim.request(method, { limit: 1 })).toEqual({ jsonrpc: '2.0', id: expect.any(Number), error: { code: -32603, message: 'Internal error', data: banner } });
      expect(sim.lines).toHaveLength(i + 1);
    }
    sim.send('{not json');
    sim.send({ jsonrpc: '2.0', method: 'chats.list' });
    const [parse, noId] = await sim.waitForCount(() => true, 2, { after: 4 });
    expect(parse?.message).toMatchObject({ id: null, error: { code: -32700 } });
    expect(noId?.message).toMatchObject({ id: null, error: { code: -32603, data: banner } });
    expect(await sim.close()).toBe(1);
  });

  it('a missing chat.db gives the same mode with the real path', async () => {
    const db = await makeSimDb();
    cleanups.push(db.cleanup);
    const missing = join(db.dir, 'absent', 'chat.db');
    const res = await runSim(['rpc', '--db', missing], { input: '{"jsonrpc":"2.0","id":1,"method":"chats.list"}\n' });
    expect(res.exitCode).toBe(1);
    expect(JSON.parse(res.stdout)).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'Internal error', data: permissionBanner('unable to open database file (code: 14)', missing) } });
  });
});

describe('send faults', () => {
  it('IMSG_SIM_AUTOMATION=denied fails sends with -1743 and writes nothing', async () => {
    const { sim, path } = await start({ IMSG_SIM_AUTOMATION: 'denied' });
    expect(await sim.request('send', { to: '+15550000001', text: 'x' })).toMatchObject({ error: { code: -32603, data: AUTOMATION_DENIED_TEXT } });
    expect(AUTOMATION_DENIED_TEXT).toMatch(/^AppleScript failed: .*Not authorized to send Apple events to Messages\. \(-1743\)$/);
    expect((await runSim(['outbox', '--db', path, '--json'])).stdout).toBe('');
  });

  it('IMSG_SIM_SEND_DELAY_MS blocks later requests but not notifications', async () => {
    const { sim, path } = await start({ IMSG_SIM_SEND_DELAY_MS: '800' });
    const { subscription } = await sim.call('watch.subscribe', { debounce_ms: 0 });
    const t0 = Date.now();
    sim.send({ jsonrpc: '2.0', id: 'send', method: 'send', params: { to: '+15550000001', text: 'slow' } });
    sim.send({ jsonrpc: '2.0', id: 'list', method: 'chats.list' });
    const w = openChatDb(path);
    injectMessage(w, { from: '+15550000002', text: 'arrives meanwhile' });
    w.close();
    const note = await sim.waitFor(isNotification('message', subscription as number));
    const sendRes = await sim.waitFor(isResponseTo('send'));
    const listRes = await sim.waitFor(isResponseTo('list'));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(750);
    expect(sim.lines.indexOf(note)).toBeLessThan(sim.lines.indexOf(sendRes));
    expect(sim.lines.indexOf(sendRes)).toBeLessThan(sim.lines.indexOf(listRes));
  });
});

describe('process faults', () => {
  it('IMSG_SIM_STARTUP_DELAY_MS reads no request before the delay', async () => {
    const t0 = Date.now();
    const { sim } = await start({ IMSG_SIM_STARTUP_DELAY_MS: '700' });
    await sim.call('chats.list', { limit: 1 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
  });

  it('IMSG_SIM_CRASH_AFTER exits 1 right after the Nth notification', async () => {
    const { sim } = await start({ IMSG_SIM_CRASH_AFTER: '2' }, 5);
    await sim.call('watch.subscribe', { since_rowid: -1 });
    expect(await sim.close()).toBe(1);
    expect(sim.messages().map((m) => m.text)).toEqual(['m0', 'm1']);
  });
});
