// Timeouts and caller cancellation for one backend call, settled as soon as either fires.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Run `run` with a signal that aborts after `timeoutMs` or when `caller` aborts. Settles at once
 * on either (without waiting for `run` to notice): rejects with `onTimeout()` on the timeout, with
 * the caller's reason on a caller abort, so a stuck socket or pipe cannot hold the caller.
 */
export async function runWithDeadline<T>(timeoutMs: number, caller: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>, onTimeout: () => Error): Promise<T> {
  caller?.throwIfAborted();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const err = onTimeout();
      controller.abort(err);
      reject(err);
    }, timeoutMs);
    onAbort = () => {
      controller.abort(caller?.reason);
      reject(caller?.reason);
    };
    caller?.addEventListener('abort', onAbort, { once: true });
  });
  const work = run(controller.signal);
  // Whichever loses the race must not surface later as an unhandled rejection.
  work.catch(() => undefined);
  stop.catch(() => undefined);
  try {
    return await Promise.race([work, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) caller?.removeEventListener('abort', onAbort);
  }
}

/** Wait `ms`; a caller abort rejects with the caller's reason. */
export async function delay(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    throw err;
  }
}
