// In-flight requests keyed by String(id), each with its own timeout.
import { ImsgTimeoutError } from './rpc-errors.js';

/** One request waiting for its response line. */
export interface PendingRequest {
  readonly id: number;
  readonly method: string;
  readonly firstRequest: boolean;
  /** Runs synchronously while the response line is handled (before later lines are read). */
  readonly accept: (result: unknown) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
  timer?: NodeJS.Timeout;
}

/** The pending map plus the timeout bookkeeping. */
export class PendingRequests {
  readonly #byKey = new Map<string, PendingRequest>();

  /** Track a request; `timeoutMs <= 0` means wait forever. */
  add(request: PendingRequest, timeoutMs: number): void {
    const key = String(request.id);
    if (timeoutMs > 0) {
      request.timer = setTimeout(() => {
        if (this.#byKey.get(key) !== request) return;
        this.#byKey.delete(key);
        request.reject(new ImsgTimeoutError(request.method, timeoutMs, request.firstRequest));
      }, timeoutMs);
    }
    this.#byKey.set(key, request);
  }

  /** Remove and return the request for a response key (String(id)), if still waiting. */
  take(key: string): PendingRequest | undefined {
    const request = this.#byKey.get(key);
    if (!request) return undefined;
    this.#byKey.delete(key);
    clearTimeout(request.timer);
    return request;
  }

  /** Reject every waiting request with the same error. */
  rejectAll(err: unknown): void {
    const all = [...this.#byKey.values()];
    this.#byKey.clear();
    for (const request of all) {
      clearTimeout(request.timer);
      request.reject(err);
    }
  }

  /** How many requests are waiting. */
  get size(): number {
    return this.#byKey.size;
  }
}
