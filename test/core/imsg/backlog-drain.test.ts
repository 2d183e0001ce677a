import { describe, expect, it } from 'vitest';
import { BATCH_GAP_MS, BatchCounter, POLL_BATCH, roomFor } from '../../../electron/core/imsg/backlog-drain.js';

describe('BatchCounter', () => {
  it('says "full batch" at the 100th message of one hand-over, then counts again', () => {
    let t = 1000;
    const counter = new BatchCounter(() => t);
    const full: number[] = [];
    for (let i = 1; i <= 250; i++) if (counter.add()) full.push(i);
    expect(full).toEqual([POLL_BATCH, 2 * POLL_BATCH]);
    t += 1;
    expect(counter.add()).toBe(false);
  });

  it('a slow trickle of live messages is never a batch', () => {
    let t = 0;
    const counter = new BatchCounter(() => t);
    for (let i = 0; i < 500; i++) {
      t += BATCH_GAP_MS + 1;
      expect(counter.add()).toBe(false);
    }
  });

  it('a new subscription starts a new count', () => {
    const counter = new BatchCounter(() => 5);
    for (let i = 0; i < POLL_BATCH - 1; i++) counter.add();
    counter.reset();
    expect(counter.add()).toBe(false);
  });
});

describe('roomFor', () => {
  it('waits while the queue is at or over the limit, and stops waiting when the session ends', async () => {
    let size = 150;
    const waited = roomFor(() => size, () => false, 100, 1);
    let done = false;
    void waited.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    size = 99;
    await waited;
    let over = false;
    const stopped = roomFor(() => 500, () => over, 100, 1);
    over = true;
    await stopped;
  });
});

describe('HealthTracker.touch (per-message stamps)', () => {
  it('publishes the first stamp at once, then at most once a second, ending with the latest time', async () => {
    const { HealthTracker, STAMP_MS } = await import('../../../electron/core/imsg/supervisor-health.js');
    const { vi } = await import('vitest');
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      const h = new HealthTracker('default', 60_000);
      let changes = 0;
      h.listen(() => changes++);
      h.touch('lastMessageAt');
      expect(changes).toBe(1);
      expect(h.snapshot(0).lastMessageAt).toBe(new Date(1_000_000).toISOString());
      for (let i = 1; i <= 50; i++) {
        vi.setSystemTime(1_000_000 + i * 10);
        h.touch('lastMessageAt');
      }
      expect(changes).toBe(1);
      vi.advanceTimersByTime(STAMP_MS);
      expect(changes).toBe(2);
      expect(h.snapshot(0).lastMessageAt).toBe(new Date(1_000_500).toISOString());
    } finally {
      vi.useRealTimers();
    }
  });
});
