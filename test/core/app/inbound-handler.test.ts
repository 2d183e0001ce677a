import { afterEach, describe, expect, it } from 'vitest';
import { channel, cleanup, ECHO_AGENTS, journalIds, startApp, until } from './app-fixture.js';
import { startFakeOpenAi } from './fake-openai.js';

afterEach(cleanup);

const OPEN_DMS = { dmPolicy: 'open', allowFrom: ['*'] };


describe('inbound handling', () => {
  it('a full reply queue refuses the message: an `overloaded` drop is recorded, it is not journaled, never answered', async () => {
    const openai = await startFakeOpenAi();
    const release = openai.hold();
    const agents = { list: [{ id: 'slow', default: true, backend: { type: 'openai', baseUrl: openai.baseUrl, model: 'm' } }] };
    const fx = await startApp({ channels: { imessage: channel(OPEN_DMS) }, agents }, { queue: { concurrency: 1, capacity: 1, stallMs: 200 } });
    const f = fx;
    const first = f.imsg.inject({ from: '+15550000001', text: 'first' });
    await until(() => openai.requests.length === 1, 'the first message at the agent');
    // The watch position moves past a message only once its job is on disk.
    await until(() => (f.app.runtime('default')?.supervisor.health().cursor ?? 0) >= first.id, 'the cursor to pass the message');
    expect(await journalIds(f.dir)).toEqual([`default:${first.guid}`]);

    const second = f.imsg.inject({ from: '+15550000002', text: 'second' });
    const drop = await f.activity((e) => e.guid === second.guid);
    expect(drop).toMatchObject({ kind: 'inbound', decision: 'drop', reason: 'overloaded', detail: 'reply queue full (1 waiting); message not answered', sender: '+15550000002' });
    expect(await journalIds(f.dir)).toEqual([`default:${first.guid}`]);

    release();
    const sends = await f.imsg.waitForSends(1);
    await f.app.queue.idle();
    await f.app.runtime('default')?.supervisor.idle();
    expect(sends.map((s) => s.params.text)).toEqual(['re: first']);
    expect(f.imsg.sends).toHaveLength(1);
    expect(openai.requests).toHaveLength(1);
    await until(async () => (await journalIds(f.dir)).length === 0, 'the journal to empty');
  });

  it('a burst bigger than the reply queue waits for room instead of refusing: all answered, in order per sender', async () => {
    const fx = await startApp({ channels: { imessage: channel(OPEN_DMS) }, agents: ECHO_AGENTS }, { queue: { concurrency: 2, capacity: 3, stallMs: 5000 } });
    const senders = ['+15550000001', '+15550000002', '+15550000003', '+15550000004'];
    const sent = Array.from({ length: 40 }, (_, i) => fx.imsg.inject({ from: senders[i % 4] as string, text: `m${i}` }));
    const sends = await fx.imsg.waitForSends(40);
    expect(fx.app.activity.list({ limit: 1000 }).filter((e) => e.reason === 'overloaded')).toEqual([]);
    for (const sender of senders) {
      const mine = sent.filter((m) => m.sender === sender).map((m) => m.text);
      expect(sends.filter((s) => s.params.to === sender).map((s) => s.params.text)).toEqual(mine);
    }
    await fx.app.runtime('default')?.supervisor.idle();
    expect(fx.app.runtime('default')?.supervisor.health().cursor).toBe(sent.at(-1)?.id);
    await until(async () => (await journalIds(fx.dir)).length === 0, 'the journal to empty');
  });

  it('a dispatch is logged, answered, and leaves the journal once answered', async () => {
    const fx = await startApp({ channels: { imessage: channel(OPEN_DMS) }, agents: ECHO_AGENTS });
    const m = fx.imsg.inject({ from: '+15550000001', text: 'ping' });
    await fx.imsg.waitForSends(1);
    const inbound = await fx.activity((e) => e.kind === 'inbound' && e.guid === m.guid);
    expect(inbound).toMatchObject({ decision: 'dispatch', sender: '+15550000001', preview: 'ping', agentId: 'echo' });
    const reply = await fx.activity((e) => e.kind === 'reply' && e.guid === m.guid);
    expect(reply.detail).toMatch(/^1 message sent to /);
    await until(async () => (await journalIds(fx.dir)).length === 0, 'the journal to empty');
  });

  it('a malformed payload is dropped with the reason and the field at fault', async () => {
    const fx = await startApp({ channels: { imessage: channel(OPEN_DMS) }, agents: ECHO_AGENTS });
    const bad = { ...fx.imsg.payload({ from: '+15550000001', text: 'x' }), sender: { nested: true } };
    fx.imsg.deliver(bad);
    const drop = await fx.activity((e) => e.messageId === bad.id);
    expect(drop).toMatchObject({ kind: 'inbound', decision: 'drop', reason: 'malformed payload' });
    expect(drop.detail).toContain('sender');
    expect(fx.imsg.sends).toEqual([]);
  });
});
