// JSON-RPC error codes and their fixed messages (spec §2.3); `data` is always a string in 0.9.0.

/** The codes imsg 0.9.0 uses. */
export const RPC_CODE = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  /** Protocol v1 (imsg ≥0.14) only. */
  databaseUnavailable: -32002,
} as const;

/** Error `data`: always a string in 0.9.0; v1 adds object data for some codes. */
export type RpcErrorData = string | Readonly<Record<string, unknown>>;

const MESSAGES: Readonly<Record<number, string>> = {
  [RPC_CODE.parseError]: 'Parse error',
  [RPC_CODE.invalidRequest]: 'Invalid Request',
  [RPC_CODE.methodNotFound]: 'Method not found',
  [RPC_CODE.invalidParams]: 'Invalid params',
  [RPC_CODE.internalError]: 'Internal error',
  [RPC_CODE.databaseUnavailable]: 'Database unavailable',
};

/** Foundation's text for an error that is not one of imsg's own (e.g. a raw SQLite.swift error). */
export const GENERIC_SQLITE_ERROR_TEXT = 'The operation couldn’t be completed. (SQLite.Result error 0.)';

/** An error a method handler answers with. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    readonly data: RpcErrorData,
  ) {
    super(`${MESSAGES[code] ?? 'Internal error'}: ${typeof data === 'string' ? data : JSON.stringify(data)}`);
    this.name = 'RpcError';
  }
}

/** `-32602 Invalid params` with `data`. */
export function invalidParams(data: string): RpcError {
  return new RpcError(RPC_CODE.invalidParams, data);
}

/** `-32603 Internal error` with `data`. */
export function internalError(data: string): RpcError {
  return new RpcError(RPC_CODE.internalError, data);
}

/** The error response object for `id` (null when the request had none). */
export function errorResponse(id: unknown, code: number, data: RpcErrorData): Record<string, unknown> {
  return { jsonrpc: '2.0', id: id ?? null, error: { code, message: MESSAGES[code] ?? 'Internal error', data } };
}
