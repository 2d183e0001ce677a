// A local OpenAI-compatible `/v1/chat/completions` server: records each request's messages and
// answers `re: <last user text>`; `hold()` parks answers until released (a slow model).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat message as the backend sent it. */
export interface WireMessage {
  readonly role: string;
  readonly content: string;
}

/** The running fake server. */
export interface FakeOpenAi {
  readonly baseUrl: string;
  /** `messages` of every completion request, in arrival order. */
  readonly requests: WireMessage[][];
  /** From now on, answers wait until the returned function is called. */
  hold(): () => void;
  close(): Promise<void>;
}

const running = new Set<FakeOpenAi>();

/** Close every server still running (test cleanup). */
export async function closeFakeOpenAis(): Promise<void> {
  for (const server of [...running]) await server.close();
}

/** Start the server on 127.0.0.1 (ephemeral port). */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: WireMessage[][] = [];
  let gate: Promise<void> | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // The health probe lists models (GET /v1/models); it is not a completion.
      if (req.method === 'GET') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [{ id: 'fake-model' }] }));
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages: WireMessage[] };
      requests.push(body.messages);
      const last = body.messages[body.messages.length - 1]?.content ?? '';
      const answer = (): void => {
        const text = JSON.stringify({ model: 'fake-model', choices: [{ message: { role: 'assistant', content: `re: ${last}` } }] });
        res.writeHead(200, { 'content-type': 'application/json' }).end(text);
      };
      if (gate) void gate.then(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeOpenAi = {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    hold: () => {
      let release: () => void = () => undefined;
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = undefined;
        release();
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        running.delete(fake);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  running.add(fake);
  return fake;
}
