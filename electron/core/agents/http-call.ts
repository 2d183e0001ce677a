// One HTTP exchange for a backend: deadline, caller abort, bounded body, failures as AgentErrors.
import type { AgentErrorFactory } from './agent-error.js';
import { redact, safeUrl } from './agent-error.js';
import { runWithDeadline } from './deadline.js';

/** Larger answers are refused: a reply is a chat message, not a download. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/** What one request needs. */
export interface HttpCallInput {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'HEAD';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly fetch: typeof fetch;
  readonly fail: AgentErrorFactory;
  /** Values that must not appear in error messages. */
  readonly secrets?: readonly (string | undefined)[];
}

/** A completed HTTP exchange (any status). */
export interface HttpResult {
  readonly status: number;
  readonly body: string;
  /** The `Retry-After` header, in ms from now, when the server sent a valid one. */
  readonly retryAfterMs?: number;
}

/** `Retry-After` (seconds or an HTTP date) in ms from `now`; undefined when absent or invalid. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Why a fetch failed, from undici's `cause` (ECONNREFUSED, ENOTFOUND, …) or the error text. */
function networkCause(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}

/** The userinfo and query of `url`, decoded and raw, for redaction. */
function urlSecrets(url: string): string[] {
  try {
    const u = new URL(url);
    return [u.username, u.password, decodeURIComponent(u.password), u.search.slice(1)].filter((s) => s !== '');
  } catch {
    return [];
  }
}

async function readBounded(response: Response): Promise<string | undefined> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_RESPONSE_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Send one request and read the whole answer. Redirects are not followed (a POST must not turn
 * into a GET elsewhere). Rejects with kind `timeout`, `network` or `invalid-reply` (too large).
 */
export async function httpCall(input: HttpCallInput): Promise<HttpResult> {
  const where = safeUrl(input.url);
  // Runtime errors may quote the URL, userinfo and query included; those can hold tokens.
  const clean = (text: string) => redact(text, [input.url, ...urlSecrets(input.url), ...(input.secrets ?? [])]);
  return runWithDeadline(
    input.timeoutMs,
    input.signal,
    async (signal) => {
      let response: Response;
      try {
        response = await input.fetch(input.url, { method: input.method, headers: input.headers, body: input.body, redirect: 'manual', signal });
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        throw input.fail('network', `cannot reach ${where}: ${clean(networkCause(err))}`);
      }
      let body: string | undefined;
      try {
        body = await readBounded(response);
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        throw input.fail('network', `connection to ${where} broke while reading the answer: ${clean(networkCause(err))}`);
      }
      if (body === undefined) throw input.fail('invalid-reply', `answer from ${where} is larger than ${MAX_RESPONSE_BYTES} bytes`);
      const retryAfterMs = parseRetryAfter(response.headers?.get('retry-after'));
      return { status: response.status, body, ...(retryAfterMs !== undefined && { retryAfterMs }) };
    },
    () => input.fail('timeout', `no answer from ${where} within ${input.timeoutMs} ms`),
  );
}

/** The error text a server put in its body (`{"error":{"message":…}}` and the like), cleaned. */
export function serverMessage(body: string, secrets: readonly (string | undefined)[] = []): string {
  let text = body.trim();
  try {
    const json = JSON.parse(text) as { error?: unknown; message?: unknown };
    const error = json.error as { message?: unknown } | string | undefined;
    const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : json.message;
    if (typeof message === 'string') text = message;
  } catch {
    // Not JSON: the plain text is the message.
  }
  return redact(text.replace(/\s+/g, ' '), secrets, 200);
}
