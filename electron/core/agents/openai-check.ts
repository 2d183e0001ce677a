// `doctor` for the `openai` backend: list the server's models with the configured key.
import type { SecretStore } from '../secrets/secret-store.js';
import type { AgentErrorFactory } from './agent-error.js';
import { AgentError, safeUrl } from './agent-error.js';
import type { OpenAiBackendConfig } from './backend-schema.js';
import { backendSecret, openAiKeySource } from './env-secret.js';
import { httpCall, serverMessage } from './http-call.js';
import { openAiUrl, parseModelIds } from './openai-wire.js';
import type { BackendCheck } from './types.js';

/** A check must be quick even when replies may take long. */
const CHECK_TIMEOUT_MS = 10_000;

/** True when `offered` names `model`, allowing Ollama's implicit `:latest` tag either way. */
function offers(offered: readonly string[], model: string): boolean {
  const bare = (id: string) => id.replace(/:latest$/, '');
  return offered.some((id) => id === model || bare(id) === bare(model));
}

/** `GET <baseUrl>/v1/models`; ok when it answers 2xx and (if it lists models) offers the configured one. */
export async function checkOpenAi(config: OpenAiBackendConfig, deps: { env: NodeJS.ProcessEnv; secrets?: SecretStore; fetch: typeof fetch; fail: AgentErrorFactory }): Promise<BackendCheck> {
  const url = openAiUrl(config.baseUrl, 'models');
  try {
    const key = backendSecret(openAiKeySource(config), deps, deps.fail);
    const { status, body } = await httpCall({
      url,
      method: 'GET',
      headers: key ? { authorization: `Bearer ${key}` } : {},
      timeoutMs: Math.min(config.timeoutMs ?? CHECK_TIMEOUT_MS, CHECK_TIMEOUT_MS),
      fetch: deps.fetch,
      fail: deps.fail,
      secrets: [key],
    });
    if (status < 200 || status > 299) return { ok: false, detail: `GET ${safeUrl(url)} answered HTTP ${status}: ${serverMessage(body, [key]) || '(empty body)'}` };
    const ids = parseModelIds(body);
    if (ids === undefined) return { ok: true, detail: `GET ${safeUrl(url)} answered; its model list was not readable` };
    if (!offers(ids, config.model)) {
      const some = ids.slice(0, 8).join(', ') || 'none';
      return { ok: false, detail: `model "${config.model}" is not offered by ${safeUrl(url)} (it offers: ${some})` };
    }
    return { ok: true, detail: `${safeUrl(url)} offers model "${config.model}"` };
  } catch (err) {
    return { ok: false, detail: err instanceof AgentError ? err.message : String(err) };
  }
}
