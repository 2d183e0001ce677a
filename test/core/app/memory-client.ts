// One run of the in-memory `imsg rpc` (an RpcClientPort): its subscription, its requests, its exit.
import type { RpcClientPort } from '../../../electron/core/imsg/client-port.js';
import type { ExitInfo, WatchHandlers } from '../../../electron/core/imsg/rpc-client.js';
import { ImsgExitedError, ImsgRpcError } from '../../../electron/core/imsg/rpc-errors.js';

/** How a coming `send` goes: normally, imsg dies before or after performing it, answers an RPC error, or macOS refuses Automation (-1743). */
export type SendFault = 'ok' | 'die-before' | 'die-after' | 'rpc-error' | 'automation-denied';

/** What a client needs from the simulated account that owns it. */
export interface MemoryOwner {
  recordSend(params: Record<string, unknown>): Record<string, unknown>;
  takeFault(): SendFault | undefined;
  history(chatId: number): Array<Record<string, unknown>>;
  attach(client: MemoryClient): void;
  detach(client: MemoryClient): void;
}

/** A client whose requests are answered from memory; `deliver` pushes a notification. */
export class MemoryClient implements RpcClientPort {
  readonly pid: number | undefined;
  #handlers: WatchHandlers | undefined;
  #exit: Array<(info: ExitInfo) => void> = [];

  constructor(
    private readonly owner: MemoryOwner,
    pid: number,
  ) {
    this.pid = pid;
  }

  async start(): Promise<void> {}

  async request<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (method === 'send') return this.#send(params) as T;
    if (method === 'chats.list') return { chats: [] } as T;
    if (method === 'messages.history') return { messages: this.owner.history(Number(params.chat_id)) } as T;
    return {} as T;
  }

  #send(params: Record<string, unknown>): Record<string, unknown> {
    const fault = this.owner.takeFault();
    if (fault === 'rpc-error') throw new ImsgRpcError('send', -32603, 'Internal error', 'AppleScript failed');
    if (fault === 'automation-denied') throw new ImsgRpcError('send', -32603, 'Internal error', 'Not authorized to send Apple events to Messages. (-1743)');
    if (fault === undefined || fault === 'ok') return this.owner.recordSend(params);
    if (fault === 'die-after') this.owner.recordSend(params);
    // SIGKILLed with the request in flight: the client rejects it and reports the exit.
    void this.stop({ code: null, signal: 'SIGKILL' });
    throw new ImsgExitedError(null, 'SIGKILL');
  }

  async subscribe(_params: Record<string, unknown>, handlers: WatchHandlers): Promise<number> {
    this.#handlers = handlers;
    this.owner.attach(this);
    return 1;
  }

  async unsubscribe(): Promise<void> {
    this.#handlers = undefined;
  }

  onExit(listener: (info: ExitInfo) => void): () => void {
    this.#exit.push(listener);
    return () => undefined;
  }

  stderrTail(): readonly string[] {
    return [];
  }

  async stop(info: ExitInfo = { code: 0, signal: null }): Promise<void> {
    this.#handlers = undefined;
    this.owner.detach(this);
    for (const l of this.#exit.splice(0)) l(info);
  }

  /** Push one notification to the live subscription; false when nobody is subscribed. */
  deliver(message: Record<string, unknown>): boolean {
    if (!this.#handlers) return false;
    this.#handlers.onMessage(message);
    return true;
  }
}
