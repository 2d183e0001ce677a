// What every RPC method handler gets.
import type { SimEnv } from '../sim-env.js';
import type { Store } from '../store/open-store.js';
import type { Params } from './params.js';
import type { WatchRegistry } from './watch.js';

/** Shared state of one `imsg rpc` server. */
export interface MethodContext {
  readonly store: Store;
  readonly env: SimEnv;
  readonly watches: WatchRegistry;
}

/** A method handler: returns the `result` object or throws an RpcError. */
export type Method = (params: Params, ctx: MethodContext) => unknown;
