import { describe, expect, it } from 'vitest';
import { ConversationQueue } from '../../../electron/core/replies/conversation-queue.js';

/** A job that runs until `release()` is called. */
function gated(onStart: () => void = () => undefined): { job: () => Promise<void>; release: () => void; started: () => boolean } {
  let release: () => void = () => undefined;
  let started = false;
  const done = new Promise<void>((r) => (release = r));
  return {
    job: () => {
      started = true;
      onStart();
      return done;
    },
    release: () => release(),
    started: () => started,
  };
}

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('ConversationQueue', () => {
  it('runs the jobs of one key one at a time, in push order, whatever each takes', async () => {
    const q = new ConversationQueue({ concurrency: 8 });
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const delays = [15, 1, 8, 0, 5, 2];
    delays.forEach((ms, i) =>
      q.push('chat:1', async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        log.push(`start ${i}`);
        await tick(ms);
        log.push(`end ${i}`);
        running--;
      }),
    );
    await q.idle();
    expect(maxRunning).toBe(1);
    expect(log).toEqual(delays.flatMap((_, i) => [`start ${i}`, `end ${i}`]));
  });

  it('works on at most `concurrency` conversations at once and starts the next as one finishes', async () => {
    const q = new ConversationQueue({ concurrency: 2 });
    let running = 0;
    let maxRunning = 0;
    const jobs = Array.from({ length: 5 }, () =>
      gated(() => {
        running++;
        maxRunning = Math.max(maxRunning, running);
      }),
    );
    jobs.forEach((j, i) => expect(q.push(`dm:${i}`, () => j.job().then(() => void running--))).toBe(true));
    await tick();
    expect(jobs.map((j) => j.started())).toEqual([true, true, false, false, false]);
    jobs[0]?.release();
    await tick();
    expect(jobs.map((j) => j.started())).toEqual([true, true, true, false, false]);
    for (const j of jobs) j.release();
    await q.idle();
    expect(jobs.every((j) => j.started())).toBe(true);
    expect(maxRunning).toBe(2);
    expect(q.size).toBe(0);
  });

  it('refuses a job when `capacity` jobs are waiting or running, and accepts again once one is done', async () => {
    const q = new ConversationQueue({ concurrency: 1, capacity: 3 });
    const jobs = [gated(), gated(), gated()];
    expect(jobs.map((j, i) => q.push(`k${i % 2}`, j.job))).toEqual([true, true, true]);
    expect(q.size).toBe(3);
    let refusedRan = false;
    expect(q.push('k9', async () => void (refusedRan = true))).toBe(false);
    expect(q.size).toBe(3);
    jobs[0]?.release();
    await tick();
    expect(q.size).toBe(2);
    const late = gated();
    expect(q.push('k9', late.job)).toBe(true);
    for (const j of [...jobs, late]) j.release();
    await q.idle();
    expect(late.started()).toBe(true);
    expect(refusedRan).toBe(false);
  });

  it('a job that throws (synchronously or by rejecting) does not stall its lane or the queue', async () => {
    const q = new ConversationQueue({ concurrency: 1 });
    const ran: string[] = [];
    q.push('chat:1', () => {
      ran.push('sync throw');
      throw new Error('boom');
    });
    q.push('chat:1', async () => {
      ran.push('reject');
      throw new Error('boom');
    });
    q.push('chat:1', async () => void ran.push('after'));
    q.push('chat:2', async () => void ran.push('other lane'));
    await q.idle();
    expect(ran).toEqual(['sync throw', 'reject', 'after', 'other lane']);
    expect(q.size).toBe(0);
  });

  it('idle() resolves at once when empty and after the last job otherwise', async () => {
    const q = new ConversationQueue();
    await q.idle();
    const j = gated();
    q.push('a', j.job);
    let idle = false;
    void q.idle().then(() => (idle = true));
    await tick(5);
    expect(idle).toBe(false);
    j.release();
    await q.idle();
    expect(idle).toBe(true);
  });

  it('whenRoom(): at once with room; on a full queue, true as soon as a job finishes', async () => {
    const q = new ConversationQueue({ concurrency: 1, capacity: 1, stallMs: 1000 });
    expect(await q.whenRoom()).toBe(true);
    const job = gated();
    q.push('a', job.job);
    let room: boolean | undefined;
    const waiting = q.whenRoom().then((r) => (room = r));
    await tick(30);
    expect(room).toBeUndefined();
    job.release();
    await waiting;
    expect(room).toBe(true);
  });

  it('whenRoom(): the stall clock restarts at every finished job, so a busy queue is waited on', async () => {
    const q = new ConversationQueue({ concurrency: 1, capacity: 2, stallMs: 60 });
    const [a, b, c] = [gated(), gated(), gated()];
    q.push('x', a.job);
    q.push('x', b.job);
    await tick(40);
    a.release();
    await tick(5);
    q.push('x', c.job);
    // Full again, 45 ms after the queue started but 5 ms after its last progress: the wait runs
    // to ~60 ms after that progress, not to 60 ms after the start.
    const started = Date.now();
    expect(await q.whenRoom()).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    b.release();
    c.release();
    await q.idle();
  });

  it('whenRoom(): false once a full queue finished nothing for stallMs (a hung agent), at once after that', async () => {
    const q = new ConversationQueue({ concurrency: 1, capacity: 1, stallMs: 50 });
    const hung = gated();
    q.push('a', hung.job);
    const started = Date.now();
    expect(await q.whenRoom()).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const again = Date.now();
    expect(await q.whenRoom()).toBe(false);
    expect(Date.now() - again).toBeLessThan(20);
    hung.release();
    await q.idle();
    expect(await q.whenRoom()).toBe(true);
  });
});
