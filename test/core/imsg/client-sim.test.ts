// Process-level: the real client against the imsg 0.9.0 simulator over a real chat.db.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyImsgError } from '../../../electron/core/imsg/classify-error.js';
import { probeImsg } from '../../../electron/core/imsg/probe.js';
import { ImsgClient, type ExitInfo, type ImsgClientOptions } from '../../../electron/core/imsg/rpc-client.js';
import { ImsgExitedError, ImsgRpcError, ImsgTimeoutError } from '../../../electron/core/imsg/rpc-errors.js';
import { createSimFixture, type SimFixture } from './sim-fixture.js';

let fx: SimFixture;
const clients: ImsgClient[] = [];

beforeEach(async () => {
  fx = await createSimFixture();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
  await fx.remove();
});

async function startClient(env: Record<string, string> = {}, opts: Partial<ImsgClientOptions> = {}): Promise<ImsgClient> {
  const client = new ImsgClient({ cliPath: fx.cli, dbPath: fx.db, env: { ...process.env, IMSG_SIM_POLL_MS: '50', ...env }, ...opts });
  clients.push(client);
  await client.start();
  return client;
}

interface Chat {
  identifier: string;
  is_group: boolean;
}
interface Message {
  id: number;
  text: string;
  sender: string;
  is_from_me: boolean;
}

describe('ImsgClient ↔ imsg-sim', () => {
  it('chats.list returns the injected chat', async () => {
    await fx.inject('+15551230000', 'hi');
    const client = await startClient();
    const { chats } = await client.request<{ chats: Chat[] }>('chats.list', { limit: 1 });
    expect(chats).toHaveLength(1);
    expect(chats[0]).toMatchObject({ identifier: '+15551230000', is_group: false });
  });

  it('subscribe + inject delivers the message to the handlers', async () => {
    const client = await startClient();
    const messages: Message[] = [];
    const errors: unknown[] = [];
    const sub = await client.subscribe({ debounce_ms: 0 }, { onMessage: (m) => messages.push(m as Message), onError: (e) => errors.push(e) });
    expect(sub).toBe(1);
    const rowid = await fx.inject('+15551230000', 'hello there');
    await vi.waitFor(() => expect(messages).toHaveLength(1), { timeout: 5000 });
    expect(messages[0]).toMatchObject({ id: rowid, text: 'hello there', sender: '+15551230000', is_from_me: false });
    expect(errors).toEqual([]);
    await client.unsubscribe(sub);
  });

  it('keeps non-ASCII text intact end to end (emoji, U+2028, slashes)', async () => {
    const text = 'héllo 👋🏽 日本\u2028next / line';
    await fx.inject('+15551230000', text);
    const client = await startClient();
    const texts: string[] = [];
    await client.subscribe({ since_rowid: -1, debounce_ms: 0 }, { onMessage: (m) => texts.push((m as Message).text), onError: () => undefined });
    await vi.waitFor(() => expect(texts).toEqual([text]), { timeout: 5000 });
  });

  it('replays the backlog after since_rowid', async () => {
    const first = await fx.inject('+15551230000', 'one');
    await fx.inject('+15551230000', 'two');
    await fx.inject('+15551230000', 'three');
    const client = await startClient();
    const texts: string[] = [];
    await client.subscribe({ since_rowid: first, debounce_ms: 0 }, { onMessage: (m) => texts.push((m as Message).text), onError: () => undefined });
    await vi.waitFor(() => expect(texts).toEqual(['two', 'three']), { timeout: 5000 });
  });

  it('send writes an outgoing row to the outbox', async () => {
    const client = await startClient();
    const result = await client.request<{ ok: boolean }>('send', { to: '+15551230000', text: 'reply from test' });
    expect(result.ok).toBe(true);
    const outbox = (await fx.sim('outbox', '--db', fx.db, '--json')).trim().split('\n').map((l) => JSON.parse(l) as Message);
    expect(outbox.map((m) => [m.text, m.is_from_me])).toEqual([['reply from test', true]]);
  });

  it('FDA denied → every request fails with the banner → full-disk-access', async () => {
    const client = await startClient({ IMSG_SIM_FDA: 'denied' });
    const err = await client.request('chats.list', { limit: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImsgRpcError);
    expect((err as ImsgRpcError).code).toBe(-32603);
    const cause = classifyImsgError(err, { stderrTail: client.stderrTail() });
    expect(cause.kind).toBe('full-disk-access');
    expect(cause.summary).toContain(fx.db);
  });

  it('automation denied → send fails → automation', async () => {
    const client = await startClient({ IMSG_SIM_AUTOMATION: 'denied' });
    const err = await client.request('send', { to: '+15551230000', text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImsgRpcError);
    expect(classifyImsgError(err).kind).toBe('automation');
  });

  it('a startup delay longer than the first-request timeout → contacts-wait', async () => {
    const client = await startClient({ IMSG_SIM_STARTUP_DELAY_MS: '5000' }, { firstRequestTimeoutMs: 300 });
    const err = await client.request('chats.list', { limit: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImsgTimeoutError);
    expect(classifyImsgError(err).kind).toBe('contacts-wait');
  });

  it('crash-after → pending requests rejected with exited, exit listeners told', async () => {
    const client = await startClient({ IMSG_SIM_CRASH_AFTER: '1', IMSG_SIM_SEND_DELAY_MS: '10000' });
    const exits: ExitInfo[] = [];
    client.onExit((info) => exits.push(info));
    const messages: unknown[] = [];
    await client.subscribe({ debounce_ms: 0 }, { onMessage: (m) => messages.push(m), onError: () => undefined });
    const pending = client.request('send', { to: '+15551230000', text: 'slow' }, { timeoutMs: 20_000 }).catch((e: unknown) => e);
    await fx.inject('+15551230000', 'boom');
    const err = await pending;
    expect(err).toBeInstanceOf(ImsgExitedError);
    expect((err as Error).message).toBe('imsg rpc exited (code 1)');
    expect(exits).toEqual([{ code: 1, signal: null }]);
    expect(messages).toHaveLength(1);
    expect(classifyImsgError(err).kind).toBe('exited');
    expect(client.running).toBe(false);
  });

  it('stop() ends the simulator cleanly through EOF', async () => {
    const client = await startClient();
    const exits: ExitInfo[] = [];
    client.onExit((info) => exits.push(info));
    await client.request('chats.list', { limit: 1 });
    await client.stop();
    expect(exits).toEqual([{ code: 0, signal: null }]);
  });
});

describe('probeImsg ↔ imsg-sim', () => {
  it('probes the simulator as a working legacy imsg 0.9.0', async () => {
    const result = await probeImsg({ cliPath: fx.cli, dbPath: fx.db, timeoutMs: 10_000 });
    expect(result).toMatchObject({ ok: true, fatal: false, version: '0.9.0', rpcSupported: true, protocol: 'legacy', binaryPath: fx.cli });
  });

  it('reports Full Disk Access from the simulator’s startup banner', async () => {
    const result = await probeImsg({ cliPath: fx.cli, dbPath: fx.db, timeoutMs: 10_000, env: { ...process.env, IMSG_SIM_FDA: 'denied' } });
    expect(result).toMatchObject({ ok: false, fatal: false, cause: { kind: 'full-disk-access' } });
  });
});
