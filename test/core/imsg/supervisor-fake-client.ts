// A scripted stand-in for ImsgClient (the RpcClientPort slice) for supervisor unit tests.
import type { RpcClientPort } from '../../../electron/core/imsg/client-port.js';
import type { ExitInfo, WatchHandlers } from '../../../electron/core/imsg/rpc-client.js';
import { until as pollUntil } from '../../helpers/until.js';

/** Behaviour knobs shared by every fake client a factory creates. */
export interface FakeScript {
  chats: Array<{ id: number; newestId: number }>;
  /** When set, `request` for this method never settles (a wedged imsg). */
  hangMethod?: string;
  startError?: Error;
}

/** One fake `imsg rpc` run; tests push notifications and exits into it. */
export class FakeClient implements RpcClientPort {
  pid: number | undefined;
  readonly subscribeCalls: Array<Record<string, unknown>> = [];
  readonly requests: string[] = [];
  #handlers = new Map<number, WatchHandlers>();
  #exitListeners: Array<(info: ExitInfo) => void> = [];
  #nextSub = 1;
  exited = false;

  constructor(readonly script: FakeScript, pid: number) {
    this.pid = pid;
  }

  async start(): Promise<void> {
    if (this.script.startError) throw this.script.startError;
  }

  async request<T>(method: string, params: Record<string, unknown> = {}, opts: { timeoutMs?: number } = {}): Promise<T> {
    this.requests.push(method);
    if (this.exited) throw new Error('imsg rpc not running');
    if (method === this.script.hangMethod) {
      await new Promise((resolve) => setTimeout(resolve, opts.timeoutMs ?? 10));
      throw Object.assign(new Error(`imsg rpc timeout (${method})`), { kind: 'timeout', method, timeoutMs: opts.timeoutMs });
    }
    if (method === 'chats.list') return { chats: this.script.chats.slice(0, Number(params.limit ?? 20)).map((c) => ({ id: c.id })) } as T;
    if (method === 'messages.history') {
      const chat = this.script.chats.find((c) => c.id === params.chat_id);
      return { messages: chat ? [{ id: chat.newestId }] : [] } as T;
    }
    return { ok: true } as T;
  }

  async subscribe(params: Record<string, unknown>, handlers: WatchHandlers): Promise<number> {
    if (this.exited) throw new Error('imsg rpc not running');
    this.subscribeCalls.push(params);
    const id = this.#nextSub++;
    this.#handlers.set(id, handlers);
    return id;
  }

  async unsubscribe(subscription: number): Promise<void> {
    this.#handlers.delete(subscription);
  }

  onExit(listener: (info: ExitInfo) => void): () => void {
    this.#exitListeners.push(listener);
    return () => undefined;
  }

  stderrTail(): readonly string[] {
    return ['fake stderr line'];
  }

  async stop(): Promise<void> {
    this.exit({ code: 0, signal: null });
  }

  /** The handlers registered for a subscription id (undefined once removed). */
  handlersFor(id: number): WatchHandlers | undefined {
    return this.#handlers.get(id);
  }

  /** Deliver a `message` notification to every live subscription. */
  emit(message: Record<string, unknown>): void {
    for (const h of this.#handlers.values()) h.onMessage(message);
  }

  /** Deliver the terminal `error` notification to every live subscription. */
  emitError(message: string): void {
    const handlers = [...this.#handlers.values()];
    this.#handlers.clear();
    for (const h of handlers) h.onError({ message });
  }

  /** Simulate the child process ending. */
  exit(info: ExitInfo): void {
    if (this.exited) return;
    this.exited = true;
    this.pid = undefined;
    for (const l of this.#exitListeners) l(info);
  }
}

/** A factory that records every client it creates. */
export function fakeFactory(script: FakeScript): { create: () => FakeClient; clients: FakeClient[] } {
  const clients: FakeClient[] = [];
  return {
    clients,
    create: () => {
      const c = new FakeClient(script, 1000 + clients.length);
      clients.push(c);
      return c;
    },
  };
}

/** Poll `check` until it returns truthy (or throw after `timeoutMs`); argument order of these tests. */
export function until<T>(check: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
  return pollUntil(check, what, timeoutMs, 5);
}
