// A real ACP agent process for the tests, on the SDK's agent side (`agent()` app over ndJson stdio).
// Behaviour by prompt text: "slow N" waits N ms (cancellable); "crash" exits mid-prompt;
// "permission" asks for a permission and reports the outcome; "tool" reports a tool call;
// anything else is answered `ACP <sessionId>: <text>` in several chunks.
// ACP_TEST_AGENT_LOAD=1 advertises (and serves) session/load; ACP_TEST_AGENT_LOG appends one
// JSON line per event (start with pid, prompt, cancel, permission outcome, load) for the tests.
// ACP_TEST_AGENT_FAIL_INIT=1 exits before answering initialize (an agent that cannot start).
import { appendFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { agent, ndJsonStream, RequestError } from '@agentclientprotocol/sdk';

const supportsLoad = process.env.ACP_TEST_AGENT_LOAD === '1';
const logFile = process.env.ACP_TEST_AGENT_LOG;
let counter = 0;
const sessions = new Map<string, { cancel?: () => void }>();

function log(event: Record<string, unknown>): void {
  if (logFile) appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, ...event })}\n`);
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('cancelled'))), { once: true });
  });

const app = agent({ name: 'imsg-test-agent' })
  .onRequest('initialize', ({ params }) => {
    if (process.env.ACP_TEST_AGENT_FAIL_INIT === '1') {
      process.stderr.write('test agent: no credentials\n');
      process.exit(2);
    }
    log({ event: 'initialize', clientCapabilities: params.clientCapabilities });
    return { protocolVersion: 1, agentCapabilities: { loadSession: supportsLoad, promptCapabilities: { embeddedContext: false } }, authMethods: [] };
  })
  .onRequest('session/new', ({ params }) => {
    const sessionId = `s${process.pid}-${++counter}`;
    sessions.set(sessionId, {});
    log({ event: 'new', sessionId, cwd: params.cwd });
    return { sessionId };
  })
  .onRequest('session/load', async ({ params, client }) => {
    if (!supportsLoad) throw RequestError.methodNotFound('session/load');
    sessions.set(params.sessionId, {});
    log({ event: 'load', sessionId: params.sessionId });
    // A loaded session replays its history first; the client must not take it for a reply.
    await client.notify('session/update', { sessionId: params.sessionId, update: { sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: 'old history ' } } });
    return {};
  })
  .onNotification('session/cancel', ({ params }) => {
    log({ event: 'cancel', sessionId: params.sessionId });
    sessions.get(params.sessionId)?.cancel?.();
  })
  .onRequest('session/prompt', async ({ params, client }) => {
    const { sessionId } = params;
    const session = sessions.get(sessionId);
    if (!session) throw RequestError.invalidParams({ sessionId }, 'unknown session');
    const text = params.prompt.map((b) => (b.type === 'text' ? b.text : b.type === 'resource_link' ? `[link ${b.uri}]` : `[${b.type}]`)).join(' ');
    log({ event: 'prompt', sessionId, text });
    const abort = new AbortController();
    session.cancel = () => abort.abort();
    const say = (chunk: string) => client.notify('session/update', { sessionId, update: { sessionUpdate: 'agent_message_chunk', content: { type: 'text', text: chunk } } });
    try {
      const slow = /\bslow (\d+)/.exec(text);
      if (slow) await sleep(Number(slow[1]), abort.signal);
      if (/\bcrash\b/.test(text)) {
        await say('about to crash');
        setTimeout(() => process.exit(3), 20);
        await sleep(60_000, abort.signal);
      }
      if (/\btool\b/.test(text)) {
        await client.notify('session/update', { sessionId, update: { sessionUpdate: 'tool_call', toolCallId: 't1', title: 'Reading README.md', kind: 'read', status: 'pending' } });
      }
      if (/\bpermission\b/.test(text)) {
        const res = await client.request('session/request_permission', {
          sessionId,
          toolCall: { toolCallId: 't2', title: 'Write notes.txt', kind: 'edit' },
          options: [
            { optionId: 'allow-once', name: 'Allow once', kind: 'allow_once' },
            { optionId: 'reject-once', name: 'Reject', kind: 'reject_once' },
          ],
        });
        const outcome = res.outcome.outcome === 'selected' ? res.outcome.optionId : 'cancelled';
        log({ event: 'permission', sessionId, outcome });
        await say(`permission outcome: ${outcome}`);
        return { stopReason: outcome === 'cancelled' ? 'cancelled' : 'end_turn' };
      }
      // Streamed in pieces: the client must join them into one reply.
      for (const piece of [`ACP ${sessionId}`, ': ', text]) await say(piece);
      return { stopReason: 'end_turn' };
    } catch (err) {
      if (abort.signal.aborted) return { stopReason: 'cancelled' };
      throw err;
    } finally {
      session.cancel = undefined;
    }
  });

log({ event: 'start', load: supportsLoad });
const connection = app.connect(ndJsonStream(Writable.toWeb(process.stdout) as WritableStream<Uint8Array>, Readable.toWeb(process.stdin) as ReadableStream<Uint8Array>));
// ACP_TEST_AGENT_STUBBORN=1 keeps running after stdin closes (like an agent stuck in a tool), so
// only a kill ends it: the no-orphans tests need that.
void connection.closed.then(() => {
  if (process.env.ACP_TEST_AGENT_STUBBORN === '1') setInterval(() => undefined, 60_000);
  else process.exit(0);
});
