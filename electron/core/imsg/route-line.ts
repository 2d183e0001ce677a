// Turns one stdout line into a response, a notification or a protocol problem (never throws).
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-bounds.js';
import type { ImsgErrorData } from './rpc-errors.js';

/** The error member of a JSON-RPC response, normalised. */
export interface WireError {
  code: number;
  message: string;
  data: ImsgErrorData;
}

/** What a line turned out to be. */
export type RoutedLine =
  | { type: 'response'; key: string; id: unknown; result: unknown; error?: WireError; hasResult: boolean }
  | { type: 'notification'; method: string; params: unknown }
  | { type: 'protocol'; reason: string; json: boolean };

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Normalise `error.data`: strings and objects kept (0.14+ sends objects), anything else as JSON text. */
export function normalizeErrorData(data: unknown): ImsgErrorData {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || isRecord(data)) return data;
  return JSON.stringify(data);
}

function wireError(error: unknown): WireError {
  if (!isRecord(error)) return { code: 0, message: typeof error === 'string' ? error : 'imsg rpc error', data: undefined };
  return {
    code: typeof error.code === 'number' ? error.code : 0,
    message: typeof error.message === 'string' ? error.message : 'imsg rpc error',
    data: normalizeErrorData(error.data),
  };
}

/** Parse with JSON.parse and route by `id` / `method`; key order and `\/` escapes never matter. */
export function routeLine(line: string): RoutedLine {
  let msg: unknown;
  // Bounded before parsing: a payload too deep to stringify again would fail mid-handling instead.
  if (exceedsJsonDepth(line)) return { type: 'protocol', reason: `JSON nested deeper than ${MAX_JSON_DEPTH} levels; discarded`, json: false };
  try {
    msg = JSON.parse(line);
  } catch (err) {
    return { type: 'protocol', reason: `not JSON (${err instanceof Error ? err.message : String(err)})`, json: false };
  }
  if (!isRecord(msg)) return { type: 'protocol', reason: 'JSON line is not an object', json: true };
  const id = msg.id;
  if (id !== undefined && id !== null) {
    const base = { type: 'response' as const, key: String(id), id, result: msg.result, hasResult: 'result' in msg };
    return 'error' in msg && msg.error !== null ? { ...base, error: wireError(msg.error) } : base;
  }
  if (typeof msg.method === 'string' && msg.method !== '') return { type: 'notification', method: msg.method, params: msg.params };
  if ('error' in msg) {
    // imsg answers an id-less (or unparseable) request with an `id: null` error; nothing to settle.
    const error = wireError(msg.error);
    return { type: 'protocol', reason: `error without a request id: ${error.message} (code ${error.code})`, json: true };
  }
  return { type: 'protocol', reason: 'line has neither an id nor a method', json: true };
}
