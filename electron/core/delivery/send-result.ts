// The message id of a `send` result (channel spec §18): what the echo cache remembers.

const STRING_KEYS = ['messageId', 'message_id', 'id', 'guid'] as const;
const NUMBER_KEYS = ['message_id', 'id'] as const;

/**
 * The first non-blank string among `messageId`, `message_id`, `id`, `guid` (trimmed), else a
 * numeric `message_id` or `id`, else `ok` when `result.ok` is truthy, else `unknown`.
 * Any input is accepted: a missing or malformed result is `unknown`.
 */
export function messageIdFromResult(result: unknown): string {
  if (typeof result !== 'object' || result === null) return 'unknown';
  const record = result as Record<string, unknown>;
  for (const key of STRING_KEYS) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  for (const key of NUMBER_KEYS) {
    const value = record[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return record.ok ? 'ok' : 'unknown';
}
