// A local OpenAI-compatible agent the tests can take down and bring back: `down()` stops
// listening (connection refused, as an Ollama that is not started), `up()` listens again on the
// same port; `respond()` makes it answer an HTTP status (429 with Retry-After, 401, 503).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the agent answers a completion. */
export type MockMode = { readonly kind: 'ok' } | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string };

/** The running mock agent. */
export interface MockAgent {
  readonly baseUrl: string;
  /** The last user text of every completion answered with a reply, in order. */
  readonly answered: string[];
  /** Completion requests seen (any answer). */
  readonly calls: () => number;
  /** Called after the reply is made and before it is returned (e.g. to kill imsg in between). */
  beforeAnswer?: (text: string) => Promise<void> | void;
  respond(mode: MockMode): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Start the mock agent on 127.0.0.1 (an ephemeral port, kept across down/up). */
export async function startMockAgent(): Promise<MockAgent> {
  let mode: MockMode = { kind: 'ok' };
  let calls = 0;
  const answered: string[] = [];
  const agent: MockAgent = {
    baseUrl: '',
    answered,
    calls: () => calls,
    respond: (m) => void (mode = m),
    down: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
    up: async () => {
      server = makeServer();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: async () => {
      if (server.listening) await agent.down();
    },
  };
  const makeServer = (): Server =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (mode.kind === 'status') {
          if (req.method === 'POST') calls++;
          const headers: Record<string, string> = { 'content-type': 'application/json', ...(mode.retryAfter && { 'retry-after': mode.retryAfter }) };
          return void res.writeHead(mode.status, headers).end(JSON.stringify({ error: { message: `mock status ${mode.status}` } }));
        }
        if (req.method === 'GET') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [{ id: 'mock' }] }));
        calls++;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages: Array<{ content: string }> };
        const text = body.messages[body.messages.length - 1]?.content ?? '';
        void (async () => {
          await agent.beforeAnswer?.(text);
          answered.push(text);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ model: 'mock', choices: [{ message: { role: 'assistant', content: `re: ${text}` } }] }));
        })();
      });
    });
  let server = makeServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(agent, { baseUrl: `http://127.0.0.1:${port}` });
  return agent;
}

/** An `agents` config with one openai agent `main` at `baseUrl`, plus reply timing for tests. */
export function mockAgents(baseUrl: string, defaults: { replyDeadlineMinutes?: number; replyRetryMaxSeconds?: number } = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { defaults, list: [{ id: 'main', default: true, backend: { type: 'openai', baseUrl, model: 'mock', timeoutMs: 5000, ...extra } }] };
}
