// Secrets the packaged app can read: `secret set` from stdin, used as `apiKey: {secret}` by the
// openai backend of a running serve (Authorization header checked at a local mock server), and
// the value is in no file of the state dir except the secret store, nor in status or config get.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { until, World } from './serve-harness.js';

const SECRET = 'sk-test-9f8e7d6c5b4a-DO-NOT-LEAK';
let world: World | undefined;
let server: Server | undefined;

afterEach(async () => {
  await world?.dispose();
  world = undefined;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** An OpenAI-compatible server that records request headers and answers "re: <text>". */
async function mockOpenAi(): Promise<{ baseUrl: string; headers: IncomingHttpHeaders[] }> {
  const headers: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      headers.push(req.headers);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { messages?: Array<{ content: string }> };
      const last = body.messages?.at(-1)?.content ?? '';
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ model: 'mock', choices: [{ message: { role: 'assistant', content: `re: ${last}` } }] }));
    });
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, headers };
}

/** Every regular file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

describe('secret store', () => {
  it('secret set (stdin) → apiKey {secret} in the openai backend → Bearer header; the value is only in the secret store', async () => {
    const openai = await mockOpenAi();
    world = await World.create({ dmPolicy: 'open', allowFrom: ['*'] }, {
      agents: { list: [{ id: 'gpt', default: true, backend: { type: 'openai', baseUrl: openai.baseUrl, model: 'mock', apiKey: { secret: 'OPENAI' } } }] },
    });
    const w = world;
    expect(await w.cli(['secret', 'set', 'OPENAI', SECRET])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('never from the command line') });
    const set = await w.cli(['secret', 'set', 'OPENAI'], {}, `${SECRET}\n`);
    expect(set).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Stored secret OPENAI') });
    expect((await w.cli(['secret', 'list'])).stdout).toBe('OPENAI');

    const serve = await w.serve();
    w.inject({ from: '+15550001111', text: 'hello model' });
    await until(async () => (await w.outbox()).find((r) => r.text === 're: hello model'), 'the reply from the mock model', 20_000);
    // The completion (and the agent health check's /v1/models, when it ran) carry the stored key.
    expect(openai.headers.length).toBeGreaterThan(0);
    expect([...new Set(openai.headers.map((h) => h.authorization))]).toEqual([`Bearer ${SECRET}`]);

    const status = await w.cli(['status', '--json']);
    const config = await w.cli(['config', 'get', 'agents']);
    expect(config.stdout).toContain('OPENAI');
    const { output } = await serve.stop();
    for (const text of [status.stdout, status.stderr, config.stdout, config.stderr, output]) expect(text).not.toContain(SECRET);

    const store = join(w.stateDir, 'secrets', 'secrets.json');
    const holding: string[] = [];
    const files = await filesUnder(w.stateDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) if ((await readFile(file)).includes(SECRET)) holding.push(file);
    expect(holding).toEqual([store]);
    expect((await readFile(w.configPath, 'utf8')).includes(SECRET)).toBe(false);
    expect((await stat(store)).mode & 0o777).toBe(0o600);
    expect((await stat(join(w.stateDir, 'secrets'))).mode & 0o777).toBe(0o700);

    expect(await w.cli(['secret', 'remove', 'OPENAI'])).toMatchObject({ exitCode: 0 });
    expect((await w.cli(['secret', 'list', '--json'])).stdout).toBe('{"names":[]}');
    expect(await w.cli(['secret', 'remove', 'OPENAI'])).toMatchObject({ exitCode: 1, stderr: 'No secret named OPENAI.' });
  });
});
