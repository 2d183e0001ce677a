// One request line through framing, (v1) strict checks, dispatch and the reply rules.
import type { SimEnv } from '../sim-env.js';
import { dispatch, isKnownMethod } from './dispatch.js';
import { errorResponse, RPC_CODE, RpcError } from './errors.js';
import type { MethodContext } from './method-context.js';
import type { RpcOutput } from './output.js';
import { parseRequestLine, type ParsedRequest } from './request.js';
import { traceSim } from '../sim-trace.js';
import { v1Initialize, v1Status } from './v1/status.js';
import { checkStrictParams } from './v1/strict-params.js';

/** Server-wide state the line handler needs. */
export interface ServerState {
  readonly output: RpcOutput;
  readonly env: SimEnv;
  readonly dbPath: string;
  /** Protocol v1 (IMSG_VERSION ≥ 0.14.0). */
  readonly v1: boolean;
  /** Undefined when chat.db could not be opened (only reachable in v1, where the DB is optional). */
  readonly ctx: MethodContext | undefined;
  /** Why chat.db could not be opened (SQLite's line). */
  readonly dbError?: string;
}

/** Run one parsed request and resolve to its result. */
async function run(req: ParsedRequest, s: ServerState): Promise<unknown> {
  if (s.v1) {
    checkStrictParams(req.method, req.params);
    if (req.method === 'status') return v1Status(s.env, s.dbPath, s.ctx?.store);
    if (req.method === 'initialize') return v1Initialize(req.params, s.env, s.dbPath, s.ctx?.store);
  }
  if (!s.ctx) {
    if (!isKnownMethod(req.method)) throw new RpcError(RPC_CODE.methodNotFound, req.method);
    throw new RpcError(RPC_CODE.databaseUnavailable, { path: s.dbPath, detail: s.dbError ?? 'unavailable', retryable: true });
  }
  return dispatch(req.method, req.params, s.ctx);
}

/** Handle one trimmed line: write its response unless the rules suppress it. */
export async function handleLine(line: string, s: ServerState): Promise<void> {
  const parsed = parseRequestLine(line, s.v1);
  if (parsed.kind === 'rejected') {
    if (!(s.v1 && parsed.notification)) s.output.write(parsed.response);
    return;
  }
  traceSim(s.env.traceFile, { method: parsed.method });
  try {
    const result = await run(parsed, s);
    // No `id` key: a notification, so success is suppressed.
    if (parsed.hasId) s.output.write({ jsonrpc: '2.0', id: parsed.id, result });
  } catch (err) {
    // 0.9.0 still answers a notification's error (with id null); v1 never answers notifications.
    if (s.v1 && !parsed.hasId) return;
    const code = err instanceof RpcError ? err.code : RPC_CODE.internalError;
    const data = err instanceof RpcError ? err.data : String(err);
    s.output.write(errorResponse(parsed.hasId ? parsed.id : null, code, data));
  }
}
