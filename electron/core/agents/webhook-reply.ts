// Reading a webhook's answer: `{"reply": "..."}`, or no reply (204, `null`, `""`).
import type { AgentErrorFactory } from './agent-error.js';
import type { HttpResult } from './http-call.js';
import type { AgentReply } from './types.js';

/**
 * The reply of an HTTP answer: 204/205 → no reply; other 2xx → the body must be a JSON object with
 * `reply` (string, `""` or null; optional `model`), else `invalid-reply`; any other status → `http`.
 */
export function parseWebhookReply({ status, body, retryAfterMs }: HttpResult, where: string, fail: AgentErrorFactory): AgentReply {
  if (status === 204 || status === 205) return { text: null, provider: 'webhook' };
  if (status < 200 || status > 299) {
    const hint = status >= 300 && status < 400 ? ' (redirects are not followed; set url to the final address)' : '';
    throw fail('http', `${where} answered HTTP ${status}${hint}`, { status, retryAfterMs });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw fail('invalid-reply', `${where} answered ${status} with a body that is not JSON; expected {"reply": "..."}`);
  }
  const reply = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { reply?: unknown; model?: unknown }) : undefined;
  if (!reply || !('reply' in reply) || (reply.reply !== null && typeof reply.reply !== 'string')) {
    throw fail('invalid-reply', `${where} answered ${status} without a "reply" string or null; expected {"reply": "..."}`);
  }
  const text = typeof reply.reply === 'string' && reply.reply.trim() !== '' ? reply.reply.trim() : null;
  return { text, provider: 'webhook', ...(typeof reply.model === 'string' && { model: reply.model }) };
}
