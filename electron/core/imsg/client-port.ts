// The slice of ImsgClient the supervisor uses, so tests can drive it with a fake.
import type { ExitInfo, ImsgClientOptions, WatchHandlers } from './rpc-client.js';

/** What the supervisor needs from an `imsg rpc` client (ImsgClient satisfies it). */
export interface RpcClientPort {
  start(): Promise<void>;
  readonly pid: number | undefined;
  request<T = unknown>(method: string, params?: Record<string, unknown>, opts?: { timeoutMs?: number }): Promise<T>;
  subscribe(params: Record<string, unknown>, handlers: WatchHandlers, opts?: { timeoutMs?: number }): Promise<number>;
  unsubscribe(subscription: number): Promise<void>;
  onExit(listener: (info: ExitInfo) => void): () => void;
  stderrTail(): readonly string[];
  /** Lines that were not valid protocol (optional: test fakes may lack it). */
  onProtocolError?(listener: (err: Error) => void): () => void;
  stop(): Promise<void>;
}

/** Creates a client for one run; injected so tests can substitute a fake. */
export type ClientFactory = (opts: ImsgClientOptions) => RpcClientPort;
