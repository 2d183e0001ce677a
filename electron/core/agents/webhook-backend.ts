// The `webhook` backend: POST the envelope, read `{"reply": …}`, retry transient failures.
import type { AgentErrorFactory } from './agent-error.js';
import { AgentError, agentErrorFactory, safeUrl } from './agent-error.js';
import type { WebhookBackendConfig } from './backend-schema.js';
import { delay } from './deadline.js';
import { backendSecret } from './env-secret.js';
import { httpCall } from './http-call.js';
import type { AgentBackend, AgentDeps, AgentReply, AgentRequest, BackendCheck } from './types.js';
import { buildEnvelope } from './types.js';
import { parseWebhookReply } from './webhook-reply.js';
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './webhook-sign.js';

/** Per-attempt deadline when `timeoutMs` is unset. */
export const WEBHOOK_DEFAULT_TIMEOUT_MS = 30_000;
/** Attempts in all, and the first backoff delay (doubling) between them. */
export const WEBHOOK_RETRY = { attempts: 3, firstDelayMs: 250 } as const;

/** True for failures worth another attempt: 5xx and network errors (not timeouts, not 4xx). */
function retryable(err: unknown): boolean {
  return err instanceof AgentError && (err.kind === 'network' || (err.kind === 'http' && (err.status ?? 0) >= 500));
}

/** A webhook backend for one agent. */
export class WebhookBackend implements AgentBackend {
  readonly type = 'webhook';
  readonly errorReply?: string;
  readonly #fail: AgentErrorFactory;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;

  constructor(
    agentId: string,
    private readonly config: WebhookBackendConfig,
    private readonly deps: AgentDeps,
  ) {
    this.errorReply = config.errorReply;
    this.#fail = agentErrorFactory(agentId, 'webhook');
    this.#fetch = deps.fetch ?? fetch;
    this.#now = deps.now ?? Date.now;
  }

  /**
   * POST the envelope; up to {@link WEBHOOK_RETRY} attempts on 5xx or network errors, each
   * re-signed with a fresh timestamp. A timeout is not retried: the receiver may still be working.
   */
  async reply(req: AgentRequest): Promise<AgentReply> {
    const secret = backendSecret({ envName: this.config.secretEnv, envKey: 'secretEnv', ref: this.config.secret, refKey: 'secret' }, this.deps, this.#fail);
    const body = JSON.stringify(buildEnvelope(req));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(body, secret, req.signal);
      } catch (err) {
        if (!retryable(err) || attempt >= WEBHOOK_RETRY.attempts) {
          if (attempt > 1 && err instanceof AgentError) throw this.#fail(err.kind, `${err.detail} (after ${attempt} attempts)`, err);
          throw err;
        }
        await delay(WEBHOOK_RETRY.firstDelayMs * 2 ** (attempt - 1), req.signal);
      }
    }
  }

  async #attempt(body: string, secret: string | undefined, signal: AbortSignal | undefined): Promise<AgentReply> {
    const timestamp = String(Math.floor(this.#now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== undefined) {
      headers[TIMESTAMP_HEADER] = timestamp;
      headers[SIGNATURE_HEADER] = signWebhookBody(secret, timestamp, body);
    }
    const timeoutMs = this.config.timeoutMs ?? WEBHOOK_DEFAULT_TIMEOUT_MS;
    const result = await httpCall({ url: this.config.url, method: 'POST', headers, body, timeoutMs, signal, fetch: this.#fetch, fail: this.#fail, secrets: [secret] });
    return parseWebhookReply(result, safeUrl(this.config.url), this.#fail);
  }

  /** `GET <healthUrl>` when configured (2xx = up); without one a webhook cannot be probed. */
  async probe(): Promise<BackendCheck | undefined> {
    const url = this.config.healthUrl;
    if (!url) return undefined;
    try {
      const timeoutMs = Math.min(this.config.timeoutMs ?? WEBHOOK_DEFAULT_TIMEOUT_MS, 10_000);
      const { status } = await httpCall({ url, method: 'GET', timeoutMs, fetch: this.#fetch, fail: this.#fail });
      const ok = status >= 200 && status < 300;
      return { ok, detail: `GET ${safeUrl(url)} answered HTTP ${status}` };
    } catch (err) {
      return { ok: false, detail: err instanceof AgentError ? err.detail : String(err) };
    }
  }

  /**
   * `HEAD <url>` (no body, nothing to act on): ok when the server answers below 500, since a
   * receiver that only accepts POST rightly says 405.
   */
  async check(): Promise<BackendCheck> {
    const where = safeUrl(this.config.url);
    try {
      backendSecret({ envName: this.config.secretEnv, envKey: 'secretEnv', ref: this.config.secret, refKey: 'secret' }, this.deps, this.#fail);
      const timeoutMs = Math.min(this.config.timeoutMs ?? WEBHOOK_DEFAULT_TIMEOUT_MS, 10_000);
      const { status } = await httpCall({ url: this.config.url, method: 'HEAD', timeoutMs, fetch: this.#fetch, fail: this.#fail });
      return status < 500 ? { ok: true, detail: `HEAD ${where} answered HTTP ${status}` } : { ok: false, detail: `HEAD ${where} answered HTTP ${status}` };
    } catch (err) {
      return { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  }
}
