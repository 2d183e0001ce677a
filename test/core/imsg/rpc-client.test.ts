import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImsgClient, type ImsgClientOptions } from '../../../electron/core/imsg/rpc-client.js';
import { ImsgExitedError, ImsgNotRunningError, ImsgProtocolError, ImsgRpcError, ImsgSpawnError, ImsgTimeoutError } from '../../../electron/core/imsg/rpc-errors.js';
import { FakeImsg } from './fake-imsg.js';

const clients: ImsgClient[] = [];

async function started(opts: Partial<ImsgClientOptions> = {}, fake = new FakeImsg()): Promise<{ client: ImsgClient; fake: FakeImsg }> {
  const client = new ImsgClient({ cliPath: 'imsg', spawn: fake.spawn, stopDelays: { graceMs: 20, termMs: 20, killMs: 20 }, ...opts });
  clients.push(client);
  await client.start();
  return { client, fake };
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

describe('ImsgClient spawning', () => {
  it('spawns `<cli> rpc --db <expanded>` with the spawn PATH', async () => {
    const { fake, client } = await started({ cliPath: '~/bin/imsg', dbPath: '~/chat.db', env: { PATH: '/usr/bin', HOME: '/h' } });
    const call = fake.spawned[0];
    expect(call?.file.endsWith('/bin/imsg')).toBe(true);
    expect(call?.file.startsWith('~')).toBe(false);
    expect(call?.args).toEqual(['rpc', '--db', expect.stringMatching(/\/chat\.db$/)]);
    expect(call?.env.PATH).toBe('/opt/homebrew/bin:/usr/local/bin:/usr/bin');
    expect(client.running).toBe(true);
    expect(client.pid).toBe(4242);
  });

  it('wraps a spawn failure in ImsgSpawnError and stays not running', async () => {
    const enoent = Object.assign(new Error('spawn imsg ENOENT'), { code: 'ENOENT' });
    const fake = new FakeImsg(enoent);
    const client = new ImsgClient({ cliPath: 'imsg', spawn: fake.spawn });
    const err = await client.start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImsgSpawnError);
    expect((err as ImsgSpawnError).errno).toBe('ENOENT');
    await expect(client.request('chats.list')).rejects.toBeInstanceOf(ImsgNotRunningError);
  });

  it('rejects requests before start with `imsg rpc not running`', async () => {
    const client = new ImsgClient({ cliPath: 'imsg', spawn: new FakeImsg().spawn });
    await expect(client.request('chats.list')).rejects.toThrow('imsg rpc not running');
  });
});

describe('ImsgClient requests', () => {
  it('numbers requests from 1 and matches responses by id, in any order', async () => {
    const { client, fake } = await started();
    const a = client.request('chats.list', { limit: 1 });
    const b = client.request('messages.history', { chat_id: 3 });
    await fake.request(1);
    expect(fake.requests.map((r) => [r.id, r.method, r.jsonrpc])).toEqual([
      [1, 'chats.list', '2.0'],
      [2, 'messages.history', '2.0'],
    ]);
    fake.line('{"result":{"messages":[]},"id":2,"jsonrpc":"2.0"}');
    fake.line('{"jsonrpc":"2.0","result":{"chats":[{"guid":"iMessage;-;a\\/b"}]},"id":1}');
    await expect(a).resolves.toEqual({ chats: [{ guid: 'iMessage;-;a/b' }] });
    await expect(b).resolves.toEqual({ messages: [] });
  });

  it('sends {} when params are omitted', async () => {
    const { client, fake } = await started();
    void client.request('status').catch(() => undefined);
    expect((await fake.request(0)).params).toEqual({});
  });

  it('turns error responses into ImsgRpcError keeping code and object data', async () => {
    const { client, fake } = await started();
    const p = client.request('send', { to: '+1' });
    fake.error(1, -32001, 'Delivery outcome unknown', { retry_safe: false, disposition: 'may_have_completed' });
    const err = (await p.catch((e: unknown) => e)) as ImsgRpcError;
    expect(err).toBeInstanceOf(ImsgRpcError);
    expect(err).toMatchObject({ kind: 'rpc', method: 'send', code: -32001, rpcMessage: 'Delivery outcome unknown', id: 1 });
    expect(err.data).toEqual({ retry_safe: false, disposition: 'may_have_completed' });
    expect(err.message).toContain('code=-32001 (send, id 1)');
  });

  it('times out the first request after firstRequestTimeoutMs and later ones after requestTimeoutMs', async () => {
    vi.useFakeTimers();
    const { client } = await started({ firstRequestTimeoutMs: 30_000, requestTimeoutMs: 1_000 });
    const first = client.request('chats.list').catch((e: unknown) => e);
    const second = client.request('chats.list').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    const secondErr = await second;
    expect(secondErr).toBeInstanceOf(ImsgTimeoutError);
    expect(secondErr).toMatchObject({ method: 'chats.list', timeoutMs: 1_000, firstRequest: false, message: 'imsg rpc timeout (chats.list)' });
    await vi.advanceTimersByTimeAsync(28_999);
    let firstDone = false;
    void first.then(() => (firstDone = true));
    await Promise.resolve();
    expect(firstDone).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await first).toMatchObject({ kind: 'timeout', timeoutMs: 30_000, firstRequest: true });
  });

  it('honours an explicit timeout and never times out with <= 0', async () => {
    vi.useFakeTimers();
    const { client, fake } = await started({ requestTimeoutMs: 0, firstRequestTimeoutMs: 0 });
    const forever = client.request('send');
    const quick = client.request('chats.list', {}, { timeoutMs: 50 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    expect(await quick).toBeInstanceOf(ImsgTimeoutError);
    await vi.advanceTimersByTimeAsync(3_600_000);
    fake.result(1, { ok: true });
    await expect(forever).resolves.toEqual({ ok: true });
  });

  it('reports a late response to a timed-out request as a protocol error', async () => {
    const { client, fake } = await started({ firstRequestTimeoutMs: 10 });
    const reports: ImsgProtocolError[] = [];
    client.onProtocolError((e) => reports.push(e));
    await expect(client.request('chats.list')).rejects.toBeInstanceOf(ImsgTimeoutError);
    fake.result(1, {});
    await vi.waitFor(() => expect(reports[0]?.reason).toBe('response for unknown request id 1'));
  });

  it('rejects a response without result or error', async () => {
    const { client, fake } = await started();
    const p = client.request('chats.list');
    fake.line({ jsonrpc: '2.0', id: 1 });
    await expect(p).rejects.toBeInstanceOf(ImsgProtocolError);
  });

  it('rejects unserialisable params naming the method', async () => {
    const { client } = await started();
    await expect(client.request('send', { n: 1n })).rejects.toThrow(/send \(id 1\)/);
  });
});

describe('ImsgClient protocol problems and stderr', () => {
  it('reports bad lines without failing pending requests, and keeps non-JSON in the ring', async () => {
    const { client, fake } = await started();
    const reports: ImsgProtocolError[] = [];
    client.onProtocolError((e) => reports.push(e));
    const p = client.request('chats.list');
    fake.line('failed to parse permissionDenied(path: "/Users/me/Library/Messages/chat.db")');
    fake.line('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}');
    fake.line('42');
    fake.result(1, { chats: [] });
    await expect(p).resolves.toEqual({ chats: [] });
    expect(reports.map((r) => r.kind)).toEqual(['protocol', 'protocol', 'protocol']);
    expect(reports[0]?.reason).toMatch(/^not JSON/);
    expect(client.stderrTail()[0]).toBe('[stdout] failed to parse permissionDenied(path: "/Users/me/Library/Messages/chat.db")');
  });

  it('reports a huge line as a protocol error with a truncated excerpt', async () => {
    const { client, fake } = await started({ maxLineChars: 1000 });
    const reports: ImsgProtocolError[] = [];
    client.onProtocolError((e) => reports.push(e));
    fake.line(`{"junk":"${'z'.repeat(5000)}"}`);
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(reports[0]?.reason).toContain('1000 characters');
    expect(reports[0]?.line.length).toBeLessThanOrEqual(301);
  });

  it('keeps stderr in a bounded ring of lines', async () => {
    const { client, fake } = await started({ stderrLines: 3 });
    const seen: string[] = [];
    client.onStderrLine((l) => seen.push(l));
    fake.stderr.write('one\ntwo\n\nthree\nfo');
    fake.stderr.write('ur\n');
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    expect(client.stderrTail()).toEqual(['two', 'three', 'four']);
  });
});

describe('ImsgClient exit and stop', () => {
  it('rejects pending requests with `imsg rpc exited (code 1)` and notifies exit listeners', async () => {
    const { client, fake } = await started();
    const exits: unknown[] = [];
    client.onExit((info) => exits.push(info));
    const p = client.request('chats.list').catch((e: unknown) => e);
    await fake.request(0);
    fake.exit(1, null);
    const err = (await p) as ImsgExitedError;
    expect(err).toBeInstanceOf(ImsgExitedError);
    expect(err.message).toBe('imsg rpc exited (code 1)');
    expect(exits).toEqual([{ code: 1, signal: null }]);
    expect(client.running).toBe(false);
    await expect(client.request('chats.list')).rejects.toBeInstanceOf(ImsgNotRunningError);
  });

  it('reads `imsg rpc closed` for exit 0 and `exited (signal …)` for an unrequested kill', async () => {
    const a = await started();
    const pa = a.client.request('x').catch((e: unknown) => e);
    a.fake.exit(0, null);
    expect(((await pa) as Error).message).toBe('imsg rpc closed');
    const b = await started();
    const pb = b.client.request('x').catch((e: unknown) => e);
    b.fake.exit(null, 'SIGSEGV');
    expect(((await pb) as Error).message).toBe('imsg rpc exited (signal SIGSEGV)');
  });

  it('delivers the response lines written just before the exit', async () => {
    const { client, fake } = await started();
    const p = client.request('chats.list');
    await fake.request(0);
    fake.result(1, { chats: [] });
    fake.exit(1, null);
    await expect(p).resolves.toEqual({ chats: [] });
  });

  it('stop(): ends stdin, rejects pending with closed, is idempotent', async () => {
    const { client, fake } = await started();
    const p = client.request('chats.list').catch((e: unknown) => e);
    await Promise.all([client.stop(), client.stop()]);
    expect(((await p) as Error).message).toBe('imsg rpc closed');
    expect(fake.signals).toEqual([]);
    expect(fake.stdin.writableEnded).toBe(true);
    expect(client.running).toBe(false);
  });

  it('stop(): escalates to SIGTERM and then SIGKILL for a child that ignores EOF and SIGTERM', async () => {
    const fake = new FakeImsg();
    fake.exitOnEof = false;
    fake.diesOn = ['SIGKILL'];
    const { client } = await started({}, fake);
    const exits: unknown[] = [];
    client.onExit((info) => exits.push(info));
    await client.stop();
    expect(fake.signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(exits).toEqual([{ code: null, signal: 'SIGKILL' }]);
  });

  it('stop() before start and during start leaves nothing running', async () => {
    const idle = new ImsgClient({ cliPath: 'imsg', spawn: new FakeImsg().spawn });
    await idle.stop();
    await expect(idle.request('x')).rejects.toBeInstanceOf(ImsgNotRunningError);
    const fake = new FakeImsg();
    const client = new ImsgClient({ cliPath: 'imsg', spawn: fake.spawn });
    const start = client.start();
    const stop = client.stop();
    await start;
    await stop;
    expect(fake.stdin.writableEnded).toBe(true);
    expect(client.running).toBe(false);
  });
});
