// The `openai` backend: any OpenAI-compatible `/v1/chat/completions`, with a transcript per session.
import type { AgentErrorFactory } from './agent-error.js';
import { agentErrorFactory, safeUrl } from './agent-error.js';
import type { OpenAiBackendConfig } from './backend-schema.js';
import { backendSecret, openAiKeySource } from './env-secret.js';
import { transcriptTurnLimit, trimTurns } from './history-limit.js';
import { httpCall, serverMessage } from './http-call.js';
import { checkOpenAi } from './openai-check.js';
import { completionBody, openAiUrl, parseCompletion } from './openai-wire.js';
import { TranscriptStore } from './transcript-store.js';
import type { AgentBackend, AgentDeps, AgentReply, AgentRequest, BackendCheck } from './types.js';

/** Local models can take a while to load; a minute covers a cold start. */
export const OPENAI_DEFAULT_TIMEOUT_MS = 60_000;

/** An OpenAI-compatible chat backend for one agent. */
export class OpenAiBackend implements AgentBackend {
  readonly type = 'openai';
  readonly errorReply?: string;
  readonly #fail: AgentErrorFactory;
  readonly #store: TranscriptStore;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;

  constructor(
    agentId: string,
    private readonly config: OpenAiBackendConfig,
    private readonly deps: AgentDeps,
  ) {
    this.errorReply = config.errorReply;
    this.#fail = agentErrorFactory(agentId, 'openai');
    this.#now = deps.now ?? Date.now;
    this.#store = new TranscriptStore(deps.stateDir, this.#now);
    this.#fetch = deps.fetch ?? fetch;
  }

  /** One turn: earlier turns (trimmed by §15 limits) plus the message; both turns saved on success. */
  reply(req: AgentRequest): Promise<AgentReply> {
    return this.#store.withSession(req.sessionKey, () => this.#turn(req));
  }

  async #turn(req: AgentRequest): Promise<AgentReply> {
    const warnings: string[] = [];
    const key = backendSecret(openAiKeySource(this.config), this.deps, this.#fail);
    const loaded = await this.#store.load(req.sessionKey).catch((err: Error) => {
      throw this.#fail('config', err.message);
    });
    if (loaded.warning) warnings.push(loaded.warning);
    const limit = transcriptTurnLimit(this.deps.config, req.sessionKey);
    const history = trimTurns(loaded.messages, limit);
    const url = openAiUrl(this.config.baseUrl, 'chat/completions');
    const { status, body, retryAfterMs } = await httpCall({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
      body: completionBody({ model: this.config.model, systemPrompt: this.config.systemPrompt, history, text: req.text }),
      timeoutMs: this.config.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS,
      signal: req.signal,
      fetch: this.#fetch,
      fail: this.#fail,
      secrets: [key],
    });
    if (status < 200 || status > 299) throw this.#fail('http', `${safeUrl(url)} answered HTTP ${status}: ${serverMessage(body, [key]) || '(empty body)'}`, { status, retryAfterMs });
    const parsed = parseCompletion(body);
    if (typeof parsed === 'string') throw this.#fail('invalid-reply', `${safeUrl(url)}: ${parsed}`);
    const at = new Date(this.#now()).toISOString();
    const turn = [{ role: 'user' as const, content: req.text, at }, ...(parsed.text === null ? [] : [{ role: 'assistant' as const, content: parsed.text, at }])];
    try {
      await this.#store.save(req.sessionKey, trimTurns([...history, ...turn], limit));
    } catch (err) {
      // The answer exists; losing it over a full disk would be worse than a gap in the transcript.
      warnings.push(`could not save the transcript of ${req.sessionKey}: ${(err as Error).message}`);
    }
    return { text: parsed.text, model: parsed.model ?? this.config.model, provider: 'openai', ...(warnings.length > 0 && { warnings }) };
  }

  /** Forget the session's transcript (`/new`, `/reset`). */
  clearSession(sessionKey: string): Promise<void> {
    return this.#store.clear(sessionKey);
  }

  /** `GET <baseUrl>/v1/models`: reachable, key accepted, and the configured model offered. */
  check(): Promise<BackendCheck> {
    return checkOpenAi(this.config, { env: this.deps.env, secrets: this.deps.secrets, fetch: this.#fetch, fail: this.#fail });
  }
}
