// Test helper: raw HTTP requests (exact paths and Host/Origin headers, which fetch would normalize
// or forbid) and a Server-Sent Events reader.
import { request } from 'node:http';

/** A buffered HTTP response. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Options of one raw request to 127.0.0.1:`port`. */
export interface RawRequest {
  readonly port: number;
  /** Sent byte for byte, no normalization (so `/../x` really reaches the server). */
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** Send one request and buffer the whole response. */
export function rawRequest(opts: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: opts.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers, timeout: 10_000, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`request ${opts.path} timed out`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Trade the printed token for the session cookie; returns the `name=value` pair to send back. */
export async function sessionCookieFor(port: number, token: string): Promise<string> {
  const res = await rawRequest({ port, path: `/?token=${token}` });
  const raw = res.headers['set-cookie']?.[0];
  if (res.status !== 302 || !raw) throw new Error(`token exchange failed: ${res.status}`);
  return raw.split(';')[0] ?? '';
}

/** One parsed Server-Sent Event. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/** An open SSE stream: every event received so far, and a wait for the next matching one. */
export interface SseStream {
  readonly status: number;
  readonly contentType: string;
  readonly events: readonly SseEvent[];
  waitFor(match: (e: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent>;
  close(): void;
}

/** Open `GET path` as an event stream with `headers` (the cookie). */
export function openSse(port: number, path: string, headers: Record<string, string>): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters = new Set<() => void>();
    const req = request({ host: '127.0.0.1', port, path, headers: { accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const field = (name: string): string => block.split('\n').filter((l) => l.startsWith(`${name}: `)).map((l) => l.slice(name.length + 2)).join('\n');
          if (block.split('\n').every((l) => l.startsWith(':'))) continue; // comment/keep-alive only
          events.push({ event: field('event') || 'message', data: field('data') });
          for (const w of waiters) w();
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        events,
        close: () => req.destroy(),
        waitFor: (match, timeoutMs) =>
          new Promise((ok, fail) => {
            let seen = 0;
            const check = (): void => {
              for (; seen < events.length; seen++) {
                const e = events[seen];
                if (e && match(e)) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  return ok(e);
                }
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching SSE event within ${timeoutMs} ms (got: ${events.map((e) => e.event).join(', ') || 'none'})`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
