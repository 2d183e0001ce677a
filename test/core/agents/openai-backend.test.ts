// The openai backend against a local fake OpenAI-compatible server.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenAiBackendConfig } from '../../../electron/core/agents/backend-schema.js';
import { OpenAiBackend } from '../../../electron/core/agents/openai-backend.js';
import { transcriptFile } from '../../../electron/core/agents/transcript-store.js';
import type { AgentDeps, AgentRequest } from '../../../electron/core/agents/types.js';
import { validateConfig } from '../../../electron/core/config/validate.js';
import { type FakeServer, type RecordedRequest, sendJson, startFakeServer } from './fake-http.js';
import { expectAgentError } from './expect-agent-error.js';

const KEY = 'sk-test-0123456789abcdef';
const SESSION = 'agent:main:imessage:direct:+15550001111';

type ChatMessage = { role: string; content: string };
const sentMessages = (req: RecordedRequest | undefined): ChatMessage[] => (JSON.parse(req?.body ?? '{}') as { messages: ChatMessage[] }).messages;
const contents = (req: RecordedRequest | undefined) => sentMessages(req).map((m) => `${m.role}:${m.content}`);

/** Replies "re: <last user message>" like a model would. */
async function echoModel(req: RecordedRequest, res: import('node:http').ServerResponse): Promise<void> {
  const messages = sentMessages(req);
  sendJson(res, 200, { model: 'fake-model-1', choices: [{ message: { role: 'assistant', content: `re: ${messages[messages.length - 1]?.content}` } }] });
}

let dir: string;
let server: FakeServer | undefined;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(os.tmpdir(), 'agents-openai-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await fs.rm(dir, { recursive: true, force: true });
});

function backend(config: Partial<OpenAiBackendConfig> = {}, deps: Partial<AgentDeps> = {}): OpenAiBackend {
  const full: OpenAiBackendConfig = { type: 'openai', baseUrl: server?.url ?? 'http://127.0.0.1:9', model: 'llama-test', apiKeyEnv: 'TEST_OPENAI_KEY', systemPrompt: 'You are terse.', ...config };
  return new OpenAiBackend('main', full, { stateDir: dir, env: { TEST_OPENAI_KEY: KEY }, ...deps });
}

const request = (text: string, extra: Partial<AgentRequest> = {}): AgentRequest => ({ agentId: 'main', accountId: 'default', sessionKey: SESSION, text, context: {}, ...extra });

describe('openai backend', () => {
  it('sends model, system prompt, earlier turns in order and the key from the env var', async () => {
    server = await startFakeServer(echoModel);
    const agent = backend();
    expect(await agent.reply(request('hello'))).toEqual({ text: 're: hello', model: 'fake-model-1', provider: 'openai' });
    await agent.reply(request('how are you'));
    await agent.reply(request('bye'));
    const last = server.requests[2];
    expect(last?.method).toBe('POST');
    expect(last?.path).toBe('/v1/chat/completions');
    expect(last?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(last?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(last?.body ?? '{}')).toMatchObject({ model: 'llama-test', stream: false });
    expect(contents(last)).toEqual(['system:You are terse.', 'user:hello', 'assistant:re: hello', 'user:how are you', 'assistant:re: how are you', 'user:bye']);
  });

  it('persists the transcript per session key and a new instance continues it', async () => {
    server = await startFakeServer(echoModel);
    await backend().reply(request('one'));
    await backend().reply(request('elsewhere', { sessionKey: 'agent:main:imessage:group:7' }));
    await backend({ systemPrompt: undefined }).reply(request('two'));
    expect(contents(server.requests[2])).toEqual(['user:one', 'assistant:re: one', 'user:two']);
    expect(contents(server.requests[1])).toEqual(['system:You are terse.', 'user:elsewhere']);
    const saved = JSON.parse(await fs.readFile(transcriptFile(dir, SESSION), 'utf8')) as { sessionKey: string; messages: ChatMessage[] };
    expect(saved.sessionKey).toBe(SESSION);
    expect(saved.messages.map((m) => m.content)).toEqual(['one', 're: one', 'two', 're: two']);
  });

  it('trims by the configured history limit (dms[<peer>].historyLimit) in requests and on disk', async () => {
    server = await startFakeServer(echoModel);
    const result = validateConfig({ channels: { imessage: { dmHistoryLimit: 5, dms: { '+15550001111': { historyLimit: 1 } } } } });
    if (!result.ok) throw new Error('config');
    const agent = backend({}, { config: result.config });
    for (const text of ['a', 'b', 'c']) await agent.reply(request(text));
    expect(contents(server.requests[2])).toEqual(['system:You are terse.', 'user:b', 'assistant:re: b', 'user:c']);
    const saved = JSON.parse(await fs.readFile(transcriptFile(dir, SESSION), 'utf8')) as { messages: ChatMessage[] };
    expect(saved.messages.map((m) => m.content)).toEqual(['c', 're: c']);
  });

  it('caps an unconfigured transcript at the default 20 turns', async () => {
    server = await startFakeServer(echoModel);
    const file = transcriptFile(dir, SESSION);
    await fs.mkdir(dirname(file), { recursive: true });
    const old = Array.from({ length: 25 }, (_, i) => [
      { role: 'user', content: `u${i}` },
      { role: 'assistant', content: `a${i}` },
    ]).flat();
    await fs.writeFile(file, JSON.stringify({ version: 1, messages: old }));
    await backend().reply(request('now'));
    const sent = sentMessages(server.requests[0]);
    expect(sent).toHaveLength(1 + 40 + 1);
    expect(sent[1]?.content).toBe('u5');
    expect(sent[41]?.content).toBe('now');
  });

  it('clearSession forgets the conversation', async () => {
    server = await startFakeServer(echoModel);
    const agent = backend();
    await agent.reply(request('remember me'));
    await agent.clearSession(SESSION);
    await expect(fs.access(transcriptFile(dir, SESSION))).rejects.toThrow();
    await agent.reply(request('who am I'));
    expect(contents(server.requests[1])).toEqual(['system:You are terse.', 'user:who am I']);
  });

  it('keeps a corrupt transcript aside, reports it, and still answers', async () => {
    server = await startFakeServer(echoModel);
    const file = transcriptFile(dir, SESSION);
    await fs.mkdir(dirname(file), { recursive: true });
    await fs.writeFile(file, '{"messages": [ truncated');
    const reply = await backend({}, { now: () => 42_000 }).reply(request('hi'));
    expect(reply.text).toBe('re: hi');
    expect(reply.warnings?.[0]).toContain(`kept as ${file}.corrupt-42000`);
    expect(await fs.readFile(`${file}.corrupt-42000`, 'utf8')).toBe('{"messages": [ truncated');
    expect(contents(server.requests[0])).toEqual(['system:You are terse.', 'user:hi']);
  });

  it('serializes concurrent messages of one session so no turn is lost', async () => {
    server = await startFakeServer(echoModel);
    const agent = backend({ systemPrompt: undefined });
    const [first, second] = await Promise.all([agent.reply(request('first')), agent.reply(request('second'))]);
    expect([first.text, second.text]).toEqual(['re: first', 're: second']);
    expect(contents(server.requests[1])).toEqual(['user:first', 'assistant:re: first', 'user:second']);
    const saved = JSON.parse(await fs.readFile(transcriptFile(dir, SESSION), 'utf8')) as { messages: ChatMessage[] };
    expect(saved.messages.map((m) => m.content)).toEqual(['first', 're: first', 'second', 're: second']);
  });

  it('an empty answer is no reply, and the user turn is still recorded', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, { choices: [{ message: { content: '  ' } }] }));
    expect((await backend().reply(request('ping'))).text).toBeNull();
    const saved = JSON.parse(await fs.readFile(transcriptFile(dir, SESSION), 'utf8')) as { messages: ChatMessage[] };
    expect(saved.messages.map((m) => `${m.role}:${m.content}`)).toEqual(['user:ping']);
  });

  it('times out, and leaves the transcript untouched', async () => {
    server = await startFakeServer(() => undefined); // never answers
    const started = Date.now();
    const err = await expectAgentError(backend({ timeoutMs: 200 }).reply(request('slow?')));
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('within 200 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(fs.access(transcriptFile(dir, SESSION))).rejects.toThrow();
  });

  it('HTTP errors carry the status and the server message, never the key', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 401, { error: { message: `Incorrect API key provided: ${KEY}` } }));
    const err = await expectAgentError(backend().reply(request('x')));
    expect(err).toMatchObject({ kind: 'http', status: 401, agentId: 'main', backend: 'openai' });
    expect(err.message).toContain('Incorrect API key provided');
    expect(err.message).not.toContain(KEY);
    expect(JSON.stringify(err)).not.toContain(KEY);
  });

  it('a refused connection is a network error without the key', async () => {
    server = await startFakeServer(echoModel);
    const url = server.url;
    await server.close();
    server = undefined;
    const err = await expectAgentError(backend({ baseUrl: url }).reply(request('x')));
    expect(err.kind).toBe('network');
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).not.toContain(KEY);
  });

  it('credentials in the URL never reach an error message', async () => {
    server = await startFakeServer(echoModel);
    const url = server.url.replace('http://', 'http://user:pa55word-xyz@');
    const err = await expectAgentError(backend({ baseUrl: url }).reply(request('x')));
    expect(err.message).not.toContain('pa55word-xyz');
  });

  it('a missing key variable is a config error and nothing is sent', async () => {
    server = await startFakeServer(echoModel);
    const err = await expectAgentError(backend({}, { env: {} }).reply(request('x')));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('TEST_OPENAI_KEY (apiKeyEnv) is not set');
    expect(server.requests).toHaveLength(0);
  });

  it('an answer without choices is an invalid reply', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, { object: 'list' }));
    expect((await expectAgentError(backend().reply(request('x')))).kind).toBe('invalid-reply');
  });

  it('a caller abort rejects with the caller reason', async () => {
    server = await startFakeServer(() => undefined);
    const controller = new AbortController();
    const pending = backend().reply(request('x', { signal: controller.signal }));
    await expect.poll(() => server?.requests.length).toBe(1);
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
  });

  it('check lists models with the key (a baseUrl ending in /v1 is not doubled)', async () => {
    server = await startFakeServer((_req, res) => sendJson(res, 200, { data: [{ id: 'llama-test:latest' }, { id: 'other' }] }));
    expect(await backend({ baseUrl: `${server.url}/v1/` }).check()).toEqual({ ok: true, detail: `${server.url}/v1/models offers model "llama-test"` });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const missing = await backend({ model: 'gpt-9' }).check();
    expect(missing.ok).toBe(false);
    expect(missing.detail).toContain('model "gpt-9" is not offered');
    const noKey = await backend({}, { env: {} }).check();
    expect(noKey).toEqual({ ok: false, detail: 'agent "main" (openai): environment variable TEST_OPENAI_KEY (apiKeyEnv) is not set' });
  });
});
