// The webhook backend against a local server that verifies the HMAC signature.
import { createHmac } from 'node:crypto';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookBackendConfig } from '../../../electron/core/agents/backend-schema.js';
import type { AgentDeps, AgentRequest } from '../../../electron/core/agents/types.js';
import { WebhookBackend } from '../../../electron/core/agents/webhook-backend.js';
import { verifyWebhookSignature } from '../../../electron/core/agents/webhook-sign.js';
import { type FakeHandler, type FakeServer, type RecordedRequest, sendJson, startFakeServer } from './fake-http.js';
import { expectAgentError } from './expect-agent-error.js';

const SECRET = 'whsec-test-secret-value';
const NOW = 1_700_000_000_123;

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: FakeHandler): Promise<FakeServer> {
  server = await startFakeServer(handler);
  return server;
}

function backend(config: Partial<WebhookBackendConfig> = {}, deps: Partial<AgentDeps> = {}): WebhookBackend {
  const full: WebhookBackendConfig = { type: 'webhook', url: `${server?.url ?? 'http://127.0.0.1:9'}/hook?token=q-secret`, secretEnv: 'HOOK_SECRET', ...config };
  return new WebhookBackend('helper', full, { stateDir: os.tmpdir(), env: { HOOK_SECRET: SECRET }, now: () => NOW, ...deps });
}

const request: AgentRequest = {
  agentId: 'helper',
  accountId: 'work',
  sessionKey: 'agent:helper:imessage:group:42',
  text: 'what time is it',
  context: { ChatType: 'group', From: 'imessage:group:42', BodyForAgent: 'what time is it' },
};

/** True when the request carries a valid signature, computed here independently of the backend. */
function signedCorrectly(req: RecordedRequest | undefined): boolean {
  const timestamp = String(req?.headers['x-imsg-companion-timestamp']);
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${req?.body}`).digest('hex')}`;
  return req?.headers['x-imsg-companion-signature'] === expected;
}

describe('webhook backend', () => {
  it('posts the signed envelope and returns the reply', async () => {
    const s = await start((req, res) => (signedCorrectly(req) ? sendJson(res, 200, { reply: ' It is noon. ', model: 'cron-bot' }) : sendJson(res, 401, {})));
    expect(await backend().reply(request)).toEqual({ text: 'It is noon.', provider: 'webhook', model: 'cron-bot' });
    const req = s.requests[0];
    expect(req).toMatchObject({ method: 'POST', path: '/hook?token=q-secret' });
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['x-imsg-companion-timestamp']).toBe('1700000000');
    expect(signedCorrectly(req)).toBe(true);
    expect(verifyWebhookSignature(SECRET, '1700000000', req?.body ?? '', String(req?.headers['x-imsg-companion-signature']))).toBe(true);
    expect(verifyWebhookSignature('wrong', '1700000000', req?.body ?? '', String(req?.headers['x-imsg-companion-signature']))).toBe(false);
    expect(JSON.parse(req?.body ?? '{}')).toEqual({ ...request.context, accountId: 'work', agentId: 'helper', sessionKey: 'agent:helper:imessage:group:42', text: 'what time is it' });
  });

  it('sends no signature headers without secretEnv', async () => {
    const s = await start((_req, res) => sendJson(res, 200, { reply: 'ok' }));
    await backend({ secretEnv: undefined }).reply(request);
    expect(s.requests[0]?.headers['x-imsg-companion-signature']).toBeUndefined();
    expect(s.requests[0]?.headers['x-imsg-companion-timestamp']).toBeUndefined();
  });

  it.each([
    ['204', (res: import('node:http').ServerResponse) => void res.writeHead(204).end()],
    ['reply null', (res: import('node:http').ServerResponse) => sendJson(res, 200, { reply: null })],
    ['reply ""', (res: import('node:http').ServerResponse) => sendJson(res, 200, { reply: '' })],
  ])('no reply: %s', async (_name, answer) => {
    await start((_req, res) => answer(res));
    expect((await backend().reply(request)).text).toBeNull();
  });

  it.each([
    ['not JSON', 'Thanks!'],
    ['no reply key', '{"text":"hi"}'],
    ['reply not a string', '{"reply":5}'],
    ['a list', '["hi"]'],
    ['empty 200 body', ''],
  ])('any other body is an invalid reply: %s', async (_name, body) => {
    await start((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    const err = await expectAgentError(backend().reply(request));
    expect(err.kind).toBe('invalid-reply');
    expect(err.message).toContain('expected {"reply": "..."}');
  });

  it('retries a 500 with backoff, re-signed, then succeeds', async () => {
    const s = await start((_req, res, i) => (i === 0 ? sendJson(res, 500, { error: 'busy' }) : sendJson(res, 200, { reply: 'second time lucky' })));
    expect((await backend({}, { now: Date.now }).reply(request)).text).toBe('second time lucky');
    expect(s.requests).toHaveLength(2);
    expect(s.requests.every(signedCorrectly)).toBe(true);
  });

  it('gives up after 3 attempts on persistent 5xx', async () => {
    const s = await start((_req, res) => sendJson(res, 503, {}));
    const started = Date.now();
    const err = await expectAgentError(backend().reply(request));
    expect(err).toMatchObject({ kind: 'http', status: 503 });
    expect(err.message).toContain('after 3 attempts');
    expect(s.requests).toHaveLength(3);
    // 250 ms then 500 ms of backoff between the attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
  });

  it('does not retry a 4xx, and keeps query tokens out of the message', async () => {
    const s = await start((_req, res) => sendJson(res, 400, { error: 'bad' }));
    const err = await expectAgentError(backend().reply(request));
    expect(err).toMatchObject({ kind: 'http', status: 400 });
    expect(s.requests).toHaveLength(1);
    expect(err.message).not.toContain('q-secret');
    expect(err.message).not.toContain(SECRET);
  });

  it('does not follow redirects', async () => {
    const s = await start((_req, res) => void res.writeHead(302, { location: '/elsewhere' }).end());
    const err = await expectAgentError(backend().reply(request));
    expect(err).toMatchObject({ kind: 'http', status: 302 });
    expect(s.requests).toHaveLength(1);
  });

  it('times out without retrying', async () => {
    const s = await start(() => undefined);
    const err = await expectAgentError(backend({ timeoutMs: 200 }).reply(request));
    expect(err.kind).toBe('timeout');
    expect(s.requests).toHaveLength(1);
  });

  it('retries network errors, then reports them', async () => {
    const s = await start(() => undefined);
    const url = `${s.url}/hook`;
    await s.close();
    server = undefined;
    const err = await expectAgentError(backend({ url }).reply(request));
    expect(err.kind).toBe('network');
    expect(err.message).toContain('after 3 attempts');
  });

  it('a missing secret variable is a config error and nothing is sent', async () => {
    const s = await start((_req, res) => sendJson(res, 200, { reply: 'x' }));
    const err = await expectAgentError(backend({}, { env: {} }).reply(request));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('HOOK_SECRET (secretEnv) is not set');
    expect(s.requests).toHaveLength(0);
  });

  it('check sends a HEAD and accepts a 405 from a POST-only receiver', async () => {
    const s = await start((req, res) => void res.writeHead(req.method === 'HEAD' ? 405 : 500).end());
    expect(await backend().check()).toEqual({ ok: true, detail: `HEAD ${s.url}/hook answered HTTP 405` });
    expect(s.requests.map((r) => r.method)).toEqual(['HEAD']);
    await s.close();
    server = undefined;
    const down = await backend({ url: `${s.url}/hook` }).check();
    expect(down.ok).toBe(false);
    expect(down.detail).toContain('ECONNREFUSED');
  });
});
