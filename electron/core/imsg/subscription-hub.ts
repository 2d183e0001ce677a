// Per-subscription delivery of watch notifications, buffering ids whose subscribe response
// has not been read yet (imsg can emit a backlog message before answering watch.subscribe).
import { isRecord } from './route-line.js';

/** Callbacks for one watch subscription. */
export interface WatchHandlers {
  onMessage(message: unknown): void;
  onError(error: { message: string } & Record<string, unknown>): void;
}

/** Most notifications held for not-yet-known subscription ids. */
export const MAX_BUFFERED_NOTIFICATIONS = 1024;

interface Held {
  method: string;
  params: Record<string, unknown>;
}

/** Routes `message`, `error` and `watch.overflow` notifications to their subscription's handlers. */
export class SubscriptionHub {
  readonly #handlers = new Map<number, WatchHandlers>();
  readonly #held: Held[] = [];
  #pendingSubscribes = 0;

  constructor(private readonly onHandlerError: (err: unknown, method: string) => void) {}

  /** A watch.subscribe request went out: start holding unknown ids. */
  beginSubscribe(): void {
    this.#pendingSubscribes += 1;
  }

  /** A watch.subscribe settled; with none left pending, held notifications are unclaimable. */
  endSubscribe(): void {
    this.#pendingSubscribes = Math.max(0, this.#pendingSubscribes - 1);
    if (this.#pendingSubscribes === 0) this.#held.length = 0;
  }

  /** Attach handlers to a new subscription id and replay what arrived for it, in order. */
  register(id: number, handlers: WatchHandlers): void {
    this.#handlers.set(id, handlers);
    const mine = this.#held.filter((held) => held.params.subscription === id);
    if (mine.length === 0) return;
    const others = this.#held.filter((held) => held.params.subscription !== id);
    this.#held.splice(0, this.#held.length, ...others);
    for (const held of mine) this.#dispatch(handlers, held.method, held.params);
  }

  /** Forget a subscription: late notifications for it are dropped. */
  remove(id: number): void {
    this.#handlers.delete(id);
  }

  /** Ids with handlers attached. */
  active(): number[] {
    return [...this.#handlers.keys()];
  }

  /** Offer one notification; unrelated methods are ignored. */
  deliver(method: string, rawParams: unknown): void {
    if (method !== 'message' && method !== 'error' && method !== 'watch.overflow') return;
    const params = isRecord(rawParams) ? rawParams : {};
    const id = params.subscription;
    if (typeof id !== 'number') {
      // An error without a subscription concerns the watch: it goes to the newest subscription
      // only (the live one; its session resubscribes once), never fanned out to every handler.
      const newest = [...this.#handlers.values()].at(-1);
      if (method === 'error' && newest) this.#dispatch(newest, method, params);
      return;
    }
    const handlers = this.#handlers.get(id);
    if (handlers) this.#dispatch(handlers, method, params);
    else if (this.#pendingSubscribes > 0) this.#hold({ method, params });
  }

  #hold(held: Held): void {
    this.#held.push(held);
    if (this.#held.length > MAX_BUFFERED_NOTIFICATIONS) this.#held.shift();
  }

  #dispatch(handlers: WatchHandlers, method: string, params: Record<string, unknown>): void {
    try {
      if (method === 'message') handlers.onMessage(params.message);
      else handlers.onError(errorPayload(method, params));
    } catch (err) {
      this.onHandlerError(err, method);
    }
  }
}

/** `error` params carry `{subscription, error:{message}}` (0.9) or `{code?, message?}`; overflow is terminal too. */
function errorPayload(method: string, params: Record<string, unknown>): { message: string } & Record<string, unknown> {
  if (method === 'watch.overflow') {
    const reason = typeof params.reason === 'string' ? params.reason : 'buffer limit exceeded';
    return { ...params, message: `watch overflow (${reason})` };
  }
  const inner = isRecord(params.error) ? params.error : params;
  const message = typeof inner.message === 'string' ? inner.message : 'watch error';
  const extra = typeof params.subscription === 'number' ? { subscription: params.subscription } : {};
  return { ...inner, ...extra, message };
}
