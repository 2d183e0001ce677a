// Typed errors of the imsg JSON-RPC client; `kind` lets callers switch without instanceof chains.

/** Discriminant of every {@link ImsgError}. */
export type ImsgErrorKind = 'rpc' | 'timeout' | 'exited' | 'not-running' | 'spawn' | 'protocol';

/** Base class of all imsg client errors. */
export abstract class ImsgError extends Error {
  abstract readonly kind: ImsgErrorKind;
}

/** Object-valued `data` (imsg 0.14+) or the plain string of 0.9.x. */
export type ImsgErrorData = string | Record<string, unknown> | undefined;

/** A JSON-RPC error response; `code` keeps -32000…-32004 (0.14+) as sent. */
export class ImsgRpcError extends ImsgError {
  readonly kind = 'rpc';
  constructor(
    readonly method: string,
    readonly code: number,
    readonly rpcMessage: string,
    readonly data: ImsgErrorData,
    readonly id?: number,
  ) {
    super(formatRpcMessage(method, code, rpcMessage, data, id));
    this.name = 'ImsgRpcError';
  }
}

/** The data as one string: plain text as is, objects as 2-space JSON (the reference's format). */
export function rpcDataText(data: ImsgErrorData): string {
  if (data === undefined) return '';
  return typeof data === 'string' ? data : JSON.stringify(data, null, 2);
}

function formatRpcMessage(method: string, code: number, rpcMessage: string, data: ImsgErrorData, id?: number): string {
  const where = id === undefined ? method : `${method}, id ${id}`;
  const text = rpcDataText(data);
  return `${rpcMessage || 'imsg rpc error'}: code=${code} (${where})${text ? ` ${text}` : ''}`;
}

/** A request got no answer in time; `firstRequest` marks the one that waits for imsg's Contacts load. */
export class ImsgTimeoutError extends ImsgError {
  readonly kind = 'timeout';
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
    readonly firstRequest = false,
  ) {
    super(`imsg rpc timeout (${method})`);
    this.name = 'ImsgTimeoutError';
  }
}

/** The child ended; a clean end (code 0, or stopped by us) reads `imsg rpc closed`. */
export class ImsgExitedError extends ImsgError {
  readonly kind = 'exited';
  constructor(
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly clean = code === 0 || (code === null && signal === null),
  ) {
    super(clean ? 'imsg rpc closed' : code !== null ? `imsg rpc exited (code ${code})` : `imsg rpc exited (signal ${signal})`);
    this.name = 'ImsgExitedError';
  }
}

/** A request before start() or after the child ended. */
export class ImsgNotRunningError extends ImsgError {
  readonly kind = 'not-running';
  constructor() {
    super('imsg rpc not running');
    this.name = 'ImsgNotRunningError';
  }
}

/** The binary could not be spawned (ENOENT, EACCES, …); `cause` is Node's error. */
export class ImsgSpawnError extends ImsgError {
  readonly kind = 'spawn';
  constructor(
    readonly cliPath: string,
    override readonly cause: unknown,
  ) {
    super(`imsg rpc could not be started (${cliPath}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ImsgSpawnError';
  }

  /** Node's error code (`ENOENT`, `EACCES`, …) when there is one. */
  get errno(): string | undefined {
    const code = (this.cause as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
  }
}

/** Longest excerpt of a bad line kept on a protocol error. */
export const PROTOCOL_LINE_EXCERPT = 300;

/** A line from imsg that breaks the protocol; reported, never thrown at the reader. */
export class ImsgProtocolError extends ImsgError {
  readonly kind = 'protocol';
  readonly line: string;
  constructor(
    line: string,
    readonly reason: string,
  ) {
    const excerpt = line.length > PROTOCOL_LINE_EXCERPT ? `${line.slice(0, PROTOCOL_LINE_EXCERPT)}…` : line;
    super(`imsg rpc: ${reason}${excerpt ? `: ${excerpt}` : ''}`);
    this.name = 'ImsgProtocolError';
    this.line = excerpt;
  }
}
