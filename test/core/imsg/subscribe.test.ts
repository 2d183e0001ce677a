import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImsgClient, type ImsgNotification, type WatchHandlers } from '../../../electron/core/imsg/rpc-client.js';
import type { ImsgProtocolError } from '../../../electron/core/imsg/rpc-errors.js';
import { MAX_BUFFERED_NOTIFICATIONS } from '../../../electron/core/imsg/subscription-hub.js';
import { FakeImsg } from './fake-imsg.js';

const clients: ImsgClient[] = [];

async function started(): Promise<{ client: ImsgClient; fake: FakeImsg }> {
  const fake = new FakeImsg();
  const client = new ImsgClient({ cliPath: 'imsg', spawn: fake.spawn });
  clients.push(client);
  await client.start();
  return { client, fake };
}

function recorder(): WatchHandlers & { messages: unknown[]; errors: unknown[] } {
  const messages: unknown[] = [];
  const errors: unknown[] = [];
  return { messages, errors, onMessage: (m) => messages.push(m), onError: (e) => errors.push(e) };
}

const msg = (subscription: number, id: number) => ({ jsonrpc: '2.0', method: 'message', params: { subscription, message: { id, text: `m${id}` } } });

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

describe('ImsgClient.subscribe', () => {
  it('replays notifications that arrived before the subscribe response, in order, then live ones', async () => {
    const { client, fake } = await started();
    const h = recorder();
    const sub = client.subscribe({ since_rowid: 5 }, h);
    const req = await fake.request(0);
    expect(req).toMatchObject({ method: 'watch.subscribe', params: { since_rowid: 5 } });
    fake.line(msg(1, 6));
    fake.line(msg(2, 99));
    fake.line(msg(1, 7));
    fake.line('{"result":{"subscription":1},"id":1,"jsonrpc":"2.0"}');
    fake.line(msg(1, 8));
    expect(await sub).toBe(1);
    await vi.waitFor(() => expect(h.messages).toHaveLength(3));
    expect(h.messages).toEqual([
      { id: 6, text: 'm6' },
      { id: 7, text: 'm7' },
      { id: 8, text: 'm8' },
    ]);
  });

  it('hands buffered notifications of a second pending subscription to it, not the first', async () => {
    const { client, fake } = await started();
    const h1 = recorder();
    const h2 = recorder();
    const s1 = client.subscribe({}, h1);
    const s2 = client.subscribe({ chat_id: 2 }, h2);
    await fake.request(1);
    fake.line(msg(2, 20));
    fake.result(1, { subscription: 1 });
    fake.line(msg(2, 21));
    fake.result(2, { subscription: 2 });
    expect([await s1, await s2]).toEqual([1, 2]);
    await vi.waitFor(() => expect(h2.messages).toHaveLength(2));
    expect(h1.messages).toEqual([]);
  });

  it('drops notifications for unknown ids when no subscribe is pending, but still emits them raw', async () => {
    const { client, fake } = await started();
    const raw: ImsgNotification[] = [];
    client.onNotification((n) => raw.push(n));
    const h = recorder();
    fake.line(msg(1, 1));
    const sub = client.subscribe({}, h);
    await fake.request(0);
    fake.result(1, { subscription: 1 });
    await sub;
    fake.line(msg(1, 2));
    await vi.waitFor(() => expect(raw).toHaveLength(2));
    expect(h.messages).toEqual([{ id: 2, text: 'm2' }]);
  });

  it('routes error and watch.overflow notifications to onError with a message', async () => {
    const { client, fake } = await started();
    const h = recorder();
    fake.autoRespond = (req) => (req.method === 'watch.subscribe' ? { result: { subscription: 3 } } : undefined);
    await client.subscribe({}, h);
    fake.notify('error', { subscription: 3, error: { message: 'database is locked (code: 5)' } });
    fake.notify('watch.overflow', { subscription: 3, resume_after_rowid: 41, reason: 'buffer_limit_exceeded', terminal: true });
    fake.notify('error', { code: 5, message: 'global' });
    fake.notify('error', { subscription: 9, error: { message: 'not mine' } });
    await vi.waitFor(() => expect(h.errors).toHaveLength(3));
    expect(h.errors).toEqual([
      { message: 'database is locked (code: 5)', subscription: 3 },
      { subscription: 3, resume_after_rowid: 41, reason: 'buffer_limit_exceeded', terminal: true, message: 'watch overflow (buffer_limit_exceeded)' },
      { code: 5, message: 'global' },
    ]);
  });

  it('unsubscribe detaches handlers at once and sends watch.unsubscribe', async () => {
    const { client, fake } = await started();
    const h = recorder();
    fake.autoRespond = (req) => ({ result: req.method === 'watch.subscribe' ? { subscription: 1 } : { ok: true } });
    const sub = await client.subscribe({}, h);
    const done = client.unsubscribe(sub);
    fake.line(msg(1, 5));
    await done;
    expect(fake.requests[1]).toMatchObject({ method: 'watch.unsubscribe', params: { subscription: 1 } });
    expect(h.messages).toEqual([]);
  });

  it('rejects a subscribe result without a numeric subscription', async () => {
    const { client, fake } = await started();
    const reports: ImsgProtocolError[] = [];
    client.onProtocolError((e) => reports.push(e));
    fake.autoRespond = () => ({ result: { subscription: 'one' } });
    await expect(client.subscribe({}, recorder())).rejects.toThrow(/no numeric subscription/);
    expect(reports).toHaveLength(1);
  });

  it('a throwing handler is reported and does not stop later deliveries', async () => {
    const { client, fake } = await started();
    const reports: ImsgProtocolError[] = [];
    client.onProtocolError((e) => reports.push(e));
    const seen: unknown[] = [];
    fake.autoRespond = () => ({ result: { subscription: 1 } });
    await client.subscribe({}, {
      onMessage: (m) => {
        seen.push(m);
        if (seen.length === 1) throw new Error('boom');
      },
      onError: () => undefined,
    });
    fake.line(msg(1, 1));
    fake.line(msg(1, 2));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(reports[0]?.reason).toContain('boom');
  });

  it('bounds the buffer of not-yet-claimed notifications', async () => {
    const { client, fake } = await started();
    const h = recorder();
    const sub = client.subscribe({}, h);
    await fake.request(0);
    for (let i = 0; i < MAX_BUFFERED_NOTIFICATIONS + 10; i += 1) fake.line(msg(1, i));
    fake.result(1, { subscription: 1 });
    await sub;
    expect(h.messages).toHaveLength(MAX_BUFFERED_NOTIFICATIONS);
    expect(h.messages[0]).toEqual({ id: 10, text: 'm10' });
  });
});
