// After wake: every watching imsg child is pinged; one that does not answer is restarted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushAll, type PingTarget, pingChildren } from '../../../electron/core/app/power-hooks.js';
import { channel, cleanup, ECHO_AGENTS, startApp } from './app-fixture.js';

function target(state: string, answer: 'ok' | 'timeout') {
  return {
    health: () => ({ state }) as ReturnType<PingTarget['health']>,
    request: vi.fn(async () => {
      if (answer === 'timeout') throw new Error('chats.list timed out after 5000 ms');
      return [];
    }),
    retry: vi.fn(),
    flush: vi.fn(async () => undefined),
  } satisfies PingTarget;
}

describe('pingChildren', () => {
  it('pings watching children with a cheap read, restarts the wedged one, leaves the others alone', async () => {
    const ok = target('watching', 'ok');
    const wedged = target('watching', 'timeout');
    const backoff = target('backoff', 'ok');
    const results = await pingChildren(new Map([['a', ok], ['b', wedged], ['c', backoff]]), 1234);
    expect(results).toEqual([
      { accountId: 'a', outcome: 'ok' },
      { accountId: 'b', outcome: 'restarted', error: 'chats.list timed out after 5000 ms' },
      { accountId: 'c', outcome: 'skipped' },
    ]);
    expect(ok.request).toHaveBeenCalledWith('chats.list', { limit: 1 }, { timeoutMs: 1234 });
    expect(ok.retry).not.toHaveBeenCalled();
    expect(wedged.retry).toHaveBeenCalledTimes(1);
    expect(backoff.request).not.toHaveBeenCalled();
  });
});

describe('flushAll', () => {
  it('flushes every part even when one fails', async () => {
    const a = { flush: vi.fn(async () => Promise.reject(new Error('disk full'))) };
    const b = { flush: vi.fn(async () => undefined) };
    await flushAll([a, b]);
    expect(b.flush).toHaveBeenCalled();
  });
});

describe('Companion.checkHealth / flush', () => {
  afterEach(cleanup);

  it('after wake a live imsg answers; a wedged one is restarted and the activity log says why', async () => {
    const fx = await startApp({ channels: { imessage: channel({ dmPolicy: 'open', allowFrom: ['*'] }) }, agents: ECHO_AGENTS });
    expect(await fx.app.checkHealth()).toEqual([{ accountId: 'default', outcome: 'ok' }]);
    const supervisor = fx.app.runtime('default')?.supervisor;
    if (!supervisor) throw new Error('no runtime');
    vi.spyOn(supervisor, 'request').mockRejectedValueOnce(new Error('chats.list timed out'));
    const retry = vi.spyOn(supervisor, 'retry');
    expect(await fx.app.checkHealth()).toEqual([{ accountId: 'default', outcome: 'restarted', error: 'chats.list timed out' }]);
    expect(retry).toHaveBeenCalledTimes(1);
    expect((await fx.activity((e) => e.kind === 'system' && String(e.detail).includes('woke'))).detail).toBe('imsg did not answer after the Mac woke (chats.list timed out); restarted it');
    await expect(fx.app.flush()).resolves.toBeUndefined();
  });
});
