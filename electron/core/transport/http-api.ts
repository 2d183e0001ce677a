// HTTP/JSON binding of the contract: POST /v1/verb/<name> → ok/error JSON; GET /v1/events → SSE.
// Used by the control socket (CLI) and, behind a token, by the web transport.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractHandlers, VerbResult } from '../../contract/channels.js';
import { EVENTS } from '../../contract/channels.js';
import { dispatchVerb } from '../../contract/dispatch.js';

/** Where pushed events come from (the Companion's emitter fits). */
export interface EventSource {
  on(event: keyof typeof EVENTS, listener: (payload: unknown) => void): () => void;
}

const MAX_BODY = 1024 * 1024;

const STATUS_BY_CODE: Record<string, number> = { 'invalid-input': 400, 'unknown-verb': 404, 'not-found': 404, forbidden: 403, unavailable: 503, failed: 500 };

/** Handle `/v1/…` requests; returns false for other paths so the caller can serve them. */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, handlers: ContractHandlers, events: EventSource): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://local');
  const verb = /^\/v1\/verb\/([a-z:-]+)$/.exec(url.pathname)?.[1];
  if (verb !== undefined) {
    if (req.method !== 'POST') return reply(res, 405, { ok: false, error: { code: 'invalid-input', message: 'use POST' } }), true;
    const body = await readJson(req);
    const result = body.ok ? await dispatchVerb(handlers, verb, body.value) : { ok: false as const, error: { code: 'invalid-input' as const, message: body.error } };
    reply(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500), result);
    return true;
  }
  if (url.pathname === '/v1/events' && req.method === 'GET') {
    streamEvents(req, res, events);
    // A client that (re)connects starts from the current state, not from the next change.
    const current = await dispatchVerb(handlers, 'status:get', {});
    if (current.ok && !res.writableEnded) res.write(`event: snapshot\ndata: ${JSON.stringify(current.data)}\n\n`);
    return true;
  }
  return false;
}

function streamEvents(req: IncomingMessage, res: ServerResponse, events: EventSource): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const offs = (Object.keys(EVENTS) as Array<keyof typeof EVENTS>).map((name) =>
    events.on(name, (payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  // Comments keep proxies and idle sockets from closing a quiet stream.
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
  keepAlive.unref?.();
  const close = (): void => {
    clearInterval(keepAlive);
    for (const off of offs) off();
  };
  req.on('close', close);
  res.on('error', close);
}

/** Write a JSON response. */
export function reply(res: ServerResponse, status: number, body: VerbResult<unknown> | Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, error: `request body over ${MAX_BODY} bytes` };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: `request body is not JSON: ${(err as Error).message}` };
  }
}
