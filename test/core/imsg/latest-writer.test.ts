// LatestWriter: newest state only, one write at a time, at most every intervalMs, errors reported.
import { describe, expect, it } from 'vitest';
import { LatestWriter } from '../../../electron/core/imsg/latest-writer.js';

describe('LatestWriter', () => {
  it('a burst of requests during a write costs one more write, of the newest state', async () => {
    let state = 0;
    let built = 0;
    const written: number[] = [];
    const w = new LatestWriter(
      () => (built++, state),
      async (s) => {
        await new Promise((r) => setTimeout(r, 10));
        written.push(s);
      },
      () => undefined,
    );
    for (state = 1; state <= 50; state++) w.request();
    state = 50;
    await w.settled();
    expect(written).toEqual([1, 50]);
    expect(built).toBe(2);
  });

  it('waits intervalMs between writes while requests keep coming; the first write is immediate', async () => {
    const at: number[] = [];
    const w = new LatestWriter(() => Date.now(), async () => void at.push(Date.now()), () => undefined, 60);
    const start = Date.now();
    w.request();
    await w.settled();
    expect(at[0]! - start).toBeLessThan(30);
    w.request();
    w.request();
    await w.settled();
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(55);
  });

  it('a failed write is reported and the next request still writes', async () => {
    const errors: string[] = [];
    let fail = true;
    const written: string[] = [];
    const w = new LatestWriter(
      () => 'state',
      async (s) => {
        if (fail) throw new Error('ENOSPC');
        written.push(s);
      },
      (e) => errors.push((e as Error).message),
    );
    w.request();
    await w.settled();
    expect(errors).toEqual(['ENOSPC']);
    fail = false;
    w.request();
    await w.settled();
    expect(written).toEqual(['state']);
  });
});
