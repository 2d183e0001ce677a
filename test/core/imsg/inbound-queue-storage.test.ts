// A record that cannot be written (a full disk) is a state, never a crash: the queue settles a
// failing `durable` at once, even while an earlier commit still waits, and keeps going.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InboundQueue } from '../../../electron/core/imsg/inbound-queue.js';

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('InboundQueue with a failing record', () => {
  it('a durable that rejects while an earlier one is pending is not an unhandled rejection; cursor and order hold', async () => {
    let releaseFirst: () => void = () => undefined;
    const unrecorded: number[] = [];
    const q = new InboundQueue({
      initial: { cursor: 5, seen: [] },
      handle: async (m) => {
        if (m.id === 6) return { durable: new Promise<void>((r) => (releaseFirst = r)) };
        // ENOSPC from the journal, long before message 6's record lands.
        return { durable: Promise.reject(Object.assign(new Error('cannot write pending-dispatch.jsonl: ENOSPC'), { code: 'ENOSPC' })) };
      },
      persist: async () => undefined,
      onUnrecorded: (m) => unrecorded.push(m.id),
    });
    q.enqueue({ id: 6, guid: 'a' });
    q.enqueue({ id: 7, guid: 'b' });
    await new Promise((r) => setTimeout(r, 50)); // an unhandled rejection would be reported by now
    expect(unhandled).toEqual([]);
    expect(q.cursor).toBe(5);
    releaseFirst();
    await q.idle();
    expect(unrecorded).toEqual([7]);
    expect(q.cursor).toBe(7);
    expect(unhandled).toEqual([]);
  });

  it('a failing state write is retried by itself (backoff) and reported as healed once it lands', async () => {
    let fail = true;
    const saved: Array<number | null> = [];
    const events: string[] = [];
    const q = new InboundQueue({
      initial: { cursor: 1, seen: [] },
      handle: async () => undefined,
      persist: async (s) => {
        if (fail) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        saved.push(s.cursor);
      },
      onPersistError: () => events.push('error'),
      onPersistOk: () => events.push('ok'),
    });
    q.enqueue({ id: 2, guid: 'x' });
    await q.idle();
    expect(events).toEqual(['error']);
    fail = false; // space returns; nothing else arrives
    await new Promise((r) => setTimeout(r, 1300));
    expect(saved).toEqual([2]);
    expect(events).toEqual(['error', 'ok']);
  });
});
