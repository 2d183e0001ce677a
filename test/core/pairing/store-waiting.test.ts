// Strangers over the pending cap wait ("waiting, limit reached", counted); a free slot turns the
// oldest into a request; the OpenClaw-compatible pairing file keeps its shape.
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credPath, makeStore, readCred, tempStateDir, testClock } from './fixtures/state.js';

const HOUR = 60 * 60 * 1000;
let dir: string;
beforeEach(async () => {
  dir = await tempStateDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sender = (n: number) => `+1555000000${n}`;

describe('waiting strangers', () => {
  it('the 4th and 5th senders wait in arrival order, counted; the pairing file keeps only requests', async () => {
    const clock = testClock();
    const store = makeStore(dir, { now: clock.now });
    for (const n of [1, 2, 3]) expect((await store.upsertRequest({ accountId: 'default', senderId: sender(n) })).created).toBe(true);
    clock.advance(1000);
    expect(await store.upsertRequest({ accountId: 'default', senderId: sender(4), meta: { sender: sender(4), firstText: 'hi?' } })).toEqual({ code: '', created: false, waiting: { count: 1 } });
    clock.advance(1000);
    await store.upsertRequest({ accountId: 'default', senderId: sender(5) });
    expect(await store.upsertRequest({ accountId: 'default', senderId: sender(4), meta: { sender: sender(4), firstText: 'again' } })).toEqual({ code: '', created: false, waiting: { count: 2 } });
    const waiting = await store.listWaiting();
    expect(waiting.map((w) => [w.id, w.count, w.firstSeenAt])).toEqual([
      [sender(4), 2, '2026-01-01T00:00:01.000Z'],
      [sender(5), 1, '2026-01-01T00:00:02.000Z'],
    ]);
    expect(waiting[0]?.meta.firstText).toBe('hi?');
    expect(Object.keys((await readCred(dir, 'imessage-pairing.json')) as object)).toEqual(['version', 'requests']);
    expect(await store.listWaiting('work')).toEqual([]);
  });

  it('promoteWaiting: nothing while the cap holds; after a denial the oldest gets a request (its first text kept), then the next', async () => {
    const clock = testClock();
    const store = makeStore(dir, { now: clock.now });
    for (const n of [1, 2, 3]) await store.upsertRequest({ accountId: 'default', senderId: sender(n) });
    await store.upsertRequest({ accountId: 'default', senderId: sender(4), meta: { sender: sender(4), firstText: 'hi?', chatId: '9' } });
    clock.advance(10);
    await store.upsertRequest({ accountId: 'default', senderId: sender(5) });
    expect(await store.promoteWaiting('default')).toBeUndefined();
    const [first, second] = await store.listPending();
    await store.deny(first?.code ?? '');
    const promoted = await store.promoteWaiting('default');
    expect(promoted).toMatchObject({ id: sender(4), firstText: 'hi?', meta: { chatId: '9', accountId: 'default' }, code: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    expect(await store.promoteWaiting('default')).toBeUndefined();
    expect((await store.listPending()).map((r) => r.id).sort()).toEqual([...[1, 2, 3].map(sender).filter((x) => x !== first?.id), sender(4)].sort());
    await store.approve(second?.code ?? '');
    expect((await store.promoteWaiting('default'))?.id).toBe(sender(5));
    expect(await store.listWaiting()).toEqual([]);
    await expect(fs.access(credPath(dir, 'imessage-pairing-waiting.json'))).rejects.toThrow();
  });

  it('a waiting sender silent for an hour is dropped; one who got a request meanwhile is not promoted twice', async () => {
    const clock = testClock();
    const store = makeStore(dir, { now: clock.now, maxPending: 1 });
    await store.upsertRequest({ accountId: 'default', senderId: sender(1) });
    await store.upsertRequest({ accountId: 'default', senderId: sender(2) });
    clock.advance(HOUR);
    expect(await store.listWaiting()).toEqual([]);
    // The first request expired too: sender 3 waits? No, a slot is free, so 3 gets a request directly.
    expect((await store.upsertRequest({ accountId: 'default', senderId: sender(3) })).created).toBe(true);
    await store.upsertRequest({ accountId: 'default', senderId: sender(4) });
    const [r3] = await store.listPending();
    await store.deny(r3?.code ?? '');
    expect((await store.upsertRequest({ accountId: 'default', senderId: sender(4) })).created).toBe(true);
    expect(await store.promoteWaiting('default')).toBeUndefined();
    expect(await store.listWaiting()).toEqual([]);
  });

  it('re-contact keeps the first text of a pending request', async () => {
    const store = makeStore(dir);
    await store.upsertRequest({ accountId: 'default', senderId: sender(1), meta: { firstText: 'first', chatType: 'direct' } });
    const again = await store.upsertRequest({ accountId: 'default', senderId: sender(1), meta: { firstText: 'second', chatType: 'direct', chatName: 'Me' } });
    expect(again.request).toMatchObject({ firstText: 'first', chatType: 'direct', chatName: 'Me' });
  });
});
