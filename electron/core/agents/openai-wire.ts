// The OpenAI chat-completions wire format: endpoint URLs, request body, and reading the answer.
import type { TranscriptMessage } from './history-limit.js';

/** `<baseUrl>/v1/<path>`; a baseUrl that already ends in `/v1` is not given a second one. */
export function openAiUrl(baseUrl: string, path: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  return /\/v1$/i.test(base) ? `${base}/${path}` : `${base}/v1/${path}`;
}

/** The `/chat/completions` body: system prompt, earlier turns oldest first, then the new message. */
export function completionBody(input: { model: string; systemPrompt?: string; history: readonly TranscriptMessage[]; text: string }): string {
  const messages = [
    ...(input.systemPrompt ? [{ role: 'system', content: input.systemPrompt }] : []),
    ...input.history.map(({ role, content }) => ({ role, content })),
    { role: 'user', content: input.text },
  ];
  return JSON.stringify({ model: input.model, messages, stream: false });
}

/** Text of a message `content`: a string, or a list of `{type:"text", text}` parts. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (content === null) return '';
  if (!Array.isArray(content)) return undefined;
  const parts = content.map((p: unknown) => (typeof p === 'object' && p !== null ? (p as { text?: unknown }).text : undefined));
  return parts.every((t) => typeof t === 'string') ? parts.join('') : undefined;
}

/** The reply text (null when empty) and model of a completion, or why the answer is not one. */
export function parseCompletion(body: string): { text: string | null; model?: string } | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'the answer is not JSON';
  }
  const { choices, model } = (typeof json === 'object' && json !== null ? json : {}) as { choices?: unknown; model?: unknown };
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const message = typeof first === 'object' && first !== null ? (first as { message?: unknown }).message : undefined;
  const content = typeof message === 'object' && message !== null ? contentText((message as { content?: unknown }).content) : undefined;
  if (content === undefined) return 'the answer has no choices[0].message.content';
  const text = content.trim();
  return { text: text === '' ? null : text, ...(typeof model === 'string' && { model }) };
}

/** The model ids of a `/models` answer (`{"data":[{"id":…}]}`), or undefined when not that shape. */
export function parseModelIds(body: string): string[] | undefined {
  try {
    const data = (JSON.parse(body) as { data?: unknown }).data;
    if (!Array.isArray(data)) return undefined;
    return data.map((m: unknown) => (typeof m === 'object' && m !== null ? (m as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string');
  } catch {
    return undefined;
  }
}
