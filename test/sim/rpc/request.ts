// Request-line parsing with imsg 0.9.0's lenient rules (spec §2.2).
import { errorResponse, RPC_CODE } from './errors.js';

/** Foundation's JSONSerialization failure text (the `-32700` data; differs slightly on Linux). */
export const JSON_PARSE_ERROR_TEXT = 'The data couldn’t be read because it isn’t in the correct format.';

/** A request that passed framing checks. */
export interface ParsedRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** False for notifications (no `id` key): success responses are then suppressed. */
  readonly hasId: boolean;
  readonly id: unknown;
}

/** A line rejected before dispatch, with the error response to write. */
export interface RejectedLine {
  readonly kind: 'rejected';
  readonly response: Record<string, unknown>;
  /** A JSON object without an `id` key (protocol v1 never answers those, not even errors). */
  readonly notification?: boolean;
}

/** True for a plain JSON object (not an array or null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse JSON; `ok: false` when the line is not valid JSON. */
export function tryParseJson(line: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Apply the framing rules to one trimmed, non-blank line. `strict` is protocol v1 (spec §10):
 * `jsonrpc` must be exactly "2.0" and `params` an object or omitted.
 */
export function parseRequestLine(line: string, strict = false): ParsedRequest | RejectedLine {
  const parsed = tryParseJson(line);
  if (!parsed.ok) return { kind: 'rejected', response: errorResponse(null, RPC_CODE.parseError, JSON_PARSE_ERROR_TEXT) };
  const obj = parsed.value;
  if (!isObject(obj)) {
    return { kind: 'rejected', response: errorResponse(null, RPC_CODE.invalidRequest, 'request must be an object') };
  }
  const hasId = Object.hasOwn(obj, 'id');
  const id = hasId ? obj.id : null;
  const reject = (code: number, data: string): RejectedLine => ({ kind: 'rejected', response: errorResponse(id, code, data), notification: !hasId });
  if (strict ? obj.jsonrpc !== '2.0' : typeof obj.jsonrpc === 'string' && obj.jsonrpc !== '2.0') {
    return reject(RPC_CODE.invalidRequest, 'jsonrpc must be 2.0');
  }
  if (typeof obj.method !== 'string' || obj.method === '') return reject(RPC_CODE.invalidRequest, 'method is required');
  if (strict && obj.params !== undefined && !isObject(obj.params)) return reject(RPC_CODE.invalidParams, 'params must be an object');
  const params = isObject(obj.params) ? obj.params : {};
  return { kind: 'request', method: obj.method, params, hasId, id };
}
