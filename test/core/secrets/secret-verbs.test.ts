// secret:set / secret:list over a real Companion: the value lands in the store and reaches the
// backend, but never a verb result, the snapshot, settings:get, the activity log or the config file.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { companionHandlers } from '../../../electron/core/app/api.js';
import { dispatchVerb } from '../../../electron/contract/dispatch.js';
import { cleanup, startApp } from '../app/app-fixture.js';

afterEach(cleanup);

const VALUE = 'sk-verb-test-9f8e7d6c5b4a';
const CONFIG = { channels: { imessage: { cliPath: 'imsg', dmPolicy: 'pairing' } }, agents: { list: [{ id: 'main', default: true, backend: { type: 'echo' } }] } };

/** An OpenAI-compatible server that records the Authorization header of each completion. */
async function keyServer(): Promise<{ baseUrl: string; auth: string[]; close(): void }> {
  const auth: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') auth.push(String(req.headers.authorization));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [], choices: [{ message: { role: 'assistant', content: 'hi' } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, auth, close: () => server.close() };
}

describe('secret verbs', () => {
  it('stores the value, lists names only, and the key reaches the backend without leaking anywhere', async () => {
    const f = await startApp(CONFIG);
    const handlers = companionHandlers(f.app);
    const server = await keyServer();
    try {
      const set = await dispatchVerb(handlers, 'secret:set', { name: 'main-api-key', value: VALUE });
      expect(set).toEqual({ ok: true, data: { name: 'main-api-key' } });
      expect(f.app.secrets.get('main-api-key')).toBe(VALUE);
      expect(await dispatchVerb(handlers, 'secret:list', {})).toEqual({ ok: true, data: { names: ['main-api-key'] } });

      const backend = { type: 'openai', baseUrl: server.baseUrl, model: 'm', apiKey: { secret: 'main-api-key' } };
      expect(await dispatchVerb(handlers, 'config:set', { key: 'agents.list[0].backend', value: backend })).toEqual({ ok: true, data: { ok: true, issues: [] } });
      const tested = await dispatchVerb(handlers, 'agents:test', { agentId: 'main' });
      expect(tested).toMatchObject({ ok: true, data: { ok: true } });
      expect(server.auth).toContain(`Bearer ${VALUE}`);

      const settings = await dispatchVerb(handlers, 'settings:get', {});
      expect(settings).toMatchObject({ ok: true, data: { agents: [{ id: 'main', backend: { apiKey: { secret: 'main-api-key' } } }] } });
      const outputs = [settings, await dispatchVerb(handlers, 'status:get', {}), await dispatchVerb(handlers, 'activity:list', {})];
      for (const out of outputs) expect(JSON.stringify(out)).not.toContain(VALUE);
      expect(await readFile(f.configPath, 'utf8')).not.toContain(VALUE);
    } finally {
      server.close();
    }
  });

  it('refuses a bad name or an oversized value, naming the field, without echoing the value', async () => {
    const f = await startApp(CONFIG);
    const handlers = companionHandlers(f.app);
    const bad = await dispatchVerb(handlers, 'secret:set', { name: '../etc/passwd', value: VALUE });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-input' });
    expect(!bad.ok && bad.error.message).toMatch(/secret:set: name: invalid secret name/);
    expect(JSON.stringify(bad)).not.toContain(VALUE);
    const big = await dispatchVerb(handlers, 'secret:set', { name: 'big', value: 'x'.repeat(16_385) });
    expect(!big.ok && big.error.message).toMatch(/^secret:set: value: /);
    expect(JSON.stringify(big)).not.toContain('x'.repeat(100));
    expect(f.app.secrets.list()).toEqual([]);
  });
});
