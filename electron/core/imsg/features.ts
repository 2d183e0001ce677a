// Protocol feature detection: imsg 0.14+ speaks protocol v1 (`initialize`, `status`), 0.9.x not.
import { isRecord } from './route-line.js';
import { ImsgRpcError } from './rpc-errors.js';

/** The one client method detection needs (an ImsgClient fits). */
export interface FeatureClient {
  request(method: string, params?: Record<string, unknown>, opts?: { timeoutMs?: number }): Promise<unknown>;
}

/** What the running imsg supports. */
export interface ImsgFeatures {
  protocol: 'legacy' | 'v1';
  version?: string;
  methods?: readonly string[];
}

/** JSON-RPC "Method not found". */
const METHOD_NOT_FOUND = -32601;

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** Version and method list from an `initialize` or `status` result (key names per imsg-rpc.md §10). */
export function readFeatureFields(result: unknown): { version?: string; methods?: readonly string[] } {
  const fields = isRecord(result) ? result : {};
  const version = typeof fields.version === 'string' ? fields.version : undefined;
  const methods = stringList(fields.methods) ?? stringList(fields.supported_methods);
  return { ...(version ? { version } : {}), ...(methods ? { methods } : {}) };
}

/**
 * `initialize {protocol_version:1}` (then `status` for what it left out) when supported;
 * -32601 → legacy. Other failures (permission banner, timeout, exit) are thrown unchanged.
 */
export async function detectFeatures(client: FeatureClient, opts: { timeoutMs?: number } = {}): Promise<ImsgFeatures> {
  const requestOpts = opts.timeoutMs === undefined ? undefined : { timeoutMs: opts.timeoutMs };
  let init: unknown;
  try {
    init = await client.request('initialize', { protocol_version: 1 }, requestOpts);
  } catch (err) {
    if (err instanceof ImsgRpcError && err.code === METHOD_NOT_FOUND) return { protocol: 'legacy' };
    throw err;
  }
  let fields = readFeatureFields(init);
  if (!fields.version || !fields.methods) {
    try {
      fields = { ...readFeatureFields(await client.request('status', {}, requestOpts)), ...fields };
    } catch (err) {
      // `status` is optional detail: only a dead client is worth reporting.
      if (!(err instanceof ImsgRpcError)) throw err;
    }
  }
  return { protocol: 'v1', ...fields };
}
