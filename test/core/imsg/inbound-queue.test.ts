// InboundQueue: order, de-duplication, retries and the cursor-after-handling rule.
import { describe, expect, it } from 'vitest';
import { InboundQueue } from '../../../electron/core/imsg/inbound-queue.js';
import type { WatchState } from '../../../electron/core/imsg/cursor-store.js';
import { backoffDelay } from '../../../electron/core/imsg/backoff.js';
import { messageKey, SeenSet } from '../../../electron/core/imsg/seen-guids.js';

describe('InboundQueue', () => {
  it('persists a cursor only for messages the consumer finished', async () => {
    const persisted: WatchState[] = [];
    let release: () => void = () => undefined;
    const q = new InboundQueue({
      initial: { cursor: 5, seen: [] },
      handle: (m) => (m.id === 7 ? new Promise<void>((r) => (release = r)) : Promise.resolve()),
      persist: async (s) => void persisted.push(s),
    });
    q.enqueue({ id: 6, guid: 'a' });
    q.enqueue({ id: 7, guid: 'b' });
    q.enqueue({ id: 8, guid: 'c' });
    await new Promise((r) => setTimeout(r, 20));
    expect(q.cursor).toBe(6);
    expect(q.resumeFrom).toBe(8);
    release();
    await q.idle();
    expect(persisted.map((s) => s.cursor)).toEqual([6, 7, 8]);
  });

  it('retries a failing handler, then records it and moves on', async () => {
    let calls = 0;
    const failed: number[] = [];
    const q = new InboundQueue({
      initial: { cursor: null, seen: [] },
      handle: async (m) => {
        if (m.id === 1) {
          calls++;
          throw new Error('agent down');
        }
      },
      persist: async () => undefined,
      onHandlerError: (m) => failed.push(m.id),
      retryDelayMs: 1,
    });
    q.enqueue({ id: 1, guid: 'x' });
    q.enqueue({ id: 2, guid: 'y' });
    await q.idle();
    expect(calls).toBe(3);
    expect(failed).toEqual([1]);
    expect(q.cursor).toBe(2);
  });

  it('rejects payloads without an integer id and reports them', () => {
    const invalid: string[] = [];
    const q = new InboundQueue({ initial: { cursor: null, seen: [] }, handle: async () => undefined, persist: async () => undefined, onInvalid: (_p, r) => invalid.push(r) });
    expect(q.enqueue({ id: '5' })).toBe(false);
    expect(q.enqueue(null)).toBe(false);
    expect(invalid).toHaveLength(2);
  });

  it('survives a persist failure (full disk) and keeps handling', async () => {
    const errors: unknown[] = [];
    const handled: number[] = [];
    const q = new InboundQueue({
      initial: { cursor: null, seen: [] },
      handle: async (m) => void handled.push(m.id),
      persist: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      onPersistError: (e) => errors.push(e),
    });
    q.enqueue({ id: 1, guid: 'a' });
    q.enqueue({ id: 2, guid: 'b' });
    await q.idle();
    expect(handled).toEqual([1, 2]);
    expect(errors.length).toBeGreaterThan(0);
  });
});

/** A promise with its resolve/reject, for durability the test settles by hand. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve: () => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('InboundQueue pipelining (decide now, commit when durable)', () => {
  it('decides later messages while earlier decisions are not durable; the cursor follows durability in order', async () => {
    const durable = new Map<number, ReturnType<typeof deferred>>();
    const decided: number[] = [];
    const persisted: Array<number | null> = [];
    const q = new InboundQueue({
      initial: { cursor: 10, seen: [] },
      handle: async (m) => {
        decided.push(m.id);
        const d = deferred();
        durable.set(m.id, d);
        return { durable: d.promise };
      },
      persist: async (s) => void persisted.push(s.cursor),
    });
    for (const id of [11, 12, 13]) q.enqueue({ id, guid: `g${id}` });
    await settle();
    expect(decided).toEqual([11, 12, 13]);
    expect(q.size).toBe(3);
    // 12 and 13 are on disk before 11: the cursor must not pass 11 until it is too.
    durable.get(13)?.resolve();
    durable.get(12)?.resolve();
    await settle();
    expect(q.cursor).toBe(10);
    expect(persisted).toEqual([]);
    // A replayed notification of a decided-but-uncommitted message is still a duplicate.
    expect(q.enqueue({ id: 12, guid: 'g12' })).toBe(false);
    durable.get(11)?.resolve();
    await q.idle();
    expect(q.cursor).toBe(13);
    expect(persisted).toEqual([11, 12, 13]);
    expect(q.size).toBe(0);
    expect(q.enqueue({ id: 12, guid: 'g12' })).toBe(false);
  });

  it('idle() waits for outstanding durability, not just for the decisions', async () => {
    const d = deferred();
    const q = new InboundQueue({ initial: { cursor: null, seen: [] }, handle: async () => ({ durable: d.promise }), persist: async () => undefined });
    q.enqueue({ id: 1, guid: 'a' });
    let idle = false;
    const waiting = q.idle().then(() => (idle = true));
    await settle();
    expect(idle).toBe(false);
    d.resolve();
    await waiting;
    expect(q.cursor).toBe(1);
  });

  it('a decision that cannot be made durable is reported and passed, in order', async () => {
    const failed: number[] = [];
    const q = new InboundQueue({
      initial: { cursor: null, seen: [] },
      handle: async (m) => ({ durable: m.id === 2 ? Promise.reject(new Error('ENOSPC')) : Promise.resolve() }),
      persist: async () => undefined,
      onHandlerError: (m, err) => failed.push(m.id) && expect((err as Error).message).toBe('ENOSPC'),
    });
    for (const id of [1, 2, 3]) q.enqueue({ id, guid: `g${id}` });
    await q.idle();
    expect(failed).toEqual([2]);
    expect(q.cursor).toBe(3);
  });

  it('stops deciding once maxInFlight decisions wait for the disk, and goes on as they land', async () => {
    const pending: Array<() => void> = [];
    const q = new InboundQueue({
      initial: { cursor: null, seen: [] },
      handle: async () => {
        const d = deferred();
        pending.push(d.resolve);
        return { durable: d.promise };
      },
      persist: async () => undefined,
      maxInFlight: 4,
    });
    for (let id = 1; id <= 10; id++) q.enqueue({ id, guid: `g${id}` });
    await settle();
    expect(pending).toHaveLength(4);
    // Room comes back once half the window is durable, not one by one.
    pending[0]?.();
    await settle();
    expect(pending).toHaveLength(4);
    pending[1]?.();
    await settle();
    expect(pending).toHaveLength(6);
    let released = 0;
    while (q.cursor !== 10) {
      for (; released < pending.length; released++) pending[released]?.();
      await settle();
    }
    await q.idle();
    expect(pending).toHaveLength(10);
  });
});

describe('backoffDelay', () => {
  const opts = { baseMs: 5000, maxMs: 300_000, jitterRatio: 0.1, stableMs: 60_000 };
  it.each([
    [1, 0, 5000],
    [2, 0, 10_000],
    [3, 0, 20_000],
    [7, 0, 300_000],
    [40, 0, 300_000],
    [1, 1, 5500],
    [7, 1, 300_000],
  ])('attempt %i with random %f → %i ms', (attempt, r, expected) => {
    expect(backoffDelay(attempt, opts, () => r)).toBe(expected);
  });
});

describe('SeenSet and messageKey', () => {
  it('forgets the oldest key beyond capacity', () => {
    const s = new SeenSet(2, ['a', 'b']);
    s.add('c');
    expect(s.toArray()).toEqual(['b', 'c']);
    expect(s.has('a')).toBe(false);
  });
  it('keys by guid, else by row and chat', () => {
    expect(messageKey({ guid: 'G', id: 1 })).toBe('guid:G');
    expect(messageKey({ guid: '', id: 4, chat_id: 9 })).toBe('row:4:9');
    expect(messageKey({})).toBeUndefined();
  });
});
