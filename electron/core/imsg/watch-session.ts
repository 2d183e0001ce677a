// One run of `imsg rpc`: start, readiness, cursor, subscription, liveness pings, until it ends.
import type { ExitInfo } from './rpc-client.js';
import type { RpcClientPort } from './client-port.js';
import type { InboundQueue } from './inbound-queue.js';
import { BatchCounter, roomFor } from './backlog-drain.js';
import { currentEndCursor, sinceRowidFor } from './initial-cursor.js';

/** Progress reported by a session to its supervisor. */
export interface SessionHooks {
  onReady(): void;
  onWatching(subscription: number): void;
  onRequestOk(): void;
  onMessage(): void;
  /** A non-fatal problem (e.g. a terminal `error` notification that was resubscribed). */
  onWarning(err: Error): void;
  /** The subscription ended (an `error` notification); a resubscribe follows after a backoff. */
  onUnsubscribed?(): void;
  /** A backlog drain replaced the subscription (backlog-drain.ts). */
  onDrained?(subscription: number): void;
}

/** First wait before resubscribing after a watch error; doubles per failure up to {@link RESUBSCRIBE_MAX_MS}. */
export const RESUBSCRIBE_BASE_MS = 1000;
/** Longest wait between two resubscribes. */
export const RESUBSCRIBE_MAX_MS = 60_000;
/** A subscription that lived this long resets the backoff. */
const RESUBSCRIBE_STABLE_MS = 60_000;

/** Inputs of {@link runWatchSession}. */
export interface WatchSessionOptions {
  readonly client: RpcClientPort;
  /** The client is started and already answered (the start probe's session): no second readiness request. */
  readonly ready?: boolean;
  readonly queue: InboundQueue;
  readonly watchParams: Readonly<Record<string, unknown>>;
  /** Work queued after the inbound queue (replies); counts against a drain's room. */
  readonly downstream?: () => number;
  readonly readyTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Liveness ping period while watching; a timed-out ping means imsg is wedged. */
  readonly pingIntervalMs: number;
  readonly hooks: SessionHooks;
  readonly signal: AbortSignal;
  /** First resubscribe delay (default {@link RESUBSCRIBE_BASE_MS}). */
  readonly resubscribeBaseMs?: number;
}

/** How a session ended. */
export type SessionEnd =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'exited'; readonly exit: ExitInfo; readonly watched: boolean }
  | { readonly kind: 'failed'; readonly error: unknown; readonly watched: boolean };

/** Run one client until it exits, fails, or `signal` aborts; always leaves the client stopped. */
export async function runWatchSession(opts: WatchSessionOptions): Promise<SessionEnd> {
  const { client, queue, hooks, signal } = opts;
  let watched = false;
  let subscription: number | undefined;
  let failure: unknown;
  let ping: NodeJS.Timeout | undefined;
  let wake: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (wake = resolve));
  let exit: ExitInfo | undefined;
  const onAbort = (): void => wake();
  signal.addEventListener('abort', onAbort);
  const fail = (err: unknown): void => {
    failure ??= err;
    wake();
  };

  // One resubscribe per failure, after a backoff: errors arriving meanwhile (an imsg repeating an
  // id-less error every second) are the same failure, not new ones.
  let resubscribing = false;
  let over = false;
  let failures = 0;
  let subscribedAt = 0;
  let retry: NodeJS.Timeout | undefined;
  const resubscribe = (error: { message: string }): void => {
    if (resubscribing || over || signal.aborted || exit) return;
    resubscribing = true;
    // Terminal for that subscription (imsg §2.5): its handlers go, and we resume from the last row received.
    hooks.onWarning(new Error(`watch error: ${error.message}`));
    hooks.onUnsubscribed?.();
    const old = subscription;
    subscription = undefined;
    if (old !== undefined) client.unsubscribe(old).catch(() => undefined);
    failures = subscribedAt > 0 && Date.now() - subscribedAt >= RESUBSCRIBE_STABLE_MS ? 1 : failures + 1;
    const delay = Math.min(RESUBSCRIBE_MAX_MS, (opts.resubscribeBaseMs ?? RESUBSCRIBE_BASE_MS) * 2 ** Math.min(failures - 1, 16));
    retry = setTimeout(() => {
      retry = undefined;
      subscribe().then(() => (resubscribing = false), fail);
    }, delay);
  };

  // A full batch means a backlog: resubscribe from the last row received (backlog-drain.ts).
  const batches = new BatchCounter();
  let draining = false;
  const drain = async (): Promise<void> => {
    if (draining || resubscribing || over || signal.aborted || exit || subscription === undefined) return;
    draining = true;
    try {
      await roomFor(() => queue.size + (opts.downstream?.() ?? 0), () => over || signal.aborted || exit !== undefined);
      if (resubscribing || over || signal.aborted || exit || subscription === undefined) return;
      const old = subscription;
      subscription = undefined;
      // Its late notifications are dropped; they are rows after the last one received, which the new subscription sends.
      await client.unsubscribe(old);
      await subscribe(true);
    } catch (err) {
      fail(err);
    } finally {
      draining = false;
    }
  };

  const subscribe = async (drained = false): Promise<void> => {
    const since = sinceRowidFor(queue.resumeFrom);
    const params = { ...opts.watchParams, ...(since === undefined ? {} : { since_rowid: since }) };
    batches.reset();
    subscription = await client.subscribe(params, {
      onMessage: (message) => {
        queue.enqueue(message);
        hooks.onMessage();
        // After the rest of this read: the batch's last row is then the one to resume after.
        if (batches.add()) setImmediate(() => void drain());
      },
      onError: resubscribe,
    }, { timeoutMs: opts.requestTimeoutMs });
    subscribedAt = Date.now();
    // A drain's new subscription is the same watch going on: no "watching again" (that heals errors).
    if (drained) hooks.onDrained?.(subscription);
    else hooks.onWatching(subscription);
  };

  try {
    await client.start();
    client.onExit((info) => {
      exit = info;
      wake();
    });
    if (!opts.ready) await client.request('chats.list', { limit: 1 }, { timeoutMs: opts.readyTimeoutMs });
    hooks.onRequestOk();
    hooks.onReady();
    if (queue.resumeFrom === null) await queue.establish(await currentEndCursor(client, opts.requestTimeoutMs));
    if (!signal.aborted && !exit) {
      await subscribe();
      watched = true;
      ping = setInterval(() => {
        client.request('chats.list', { limit: 1 }, { timeoutMs: opts.requestTimeoutMs }).then(() => hooks.onRequestOk(), fail);
      }, opts.pingIntervalMs);
      ping.unref?.();
    }
    if (!signal.aborted && !exit) await ended;
  } catch (err) {
    failure ??= err;
  } finally {
    if (ping) clearInterval(ping);
    over = true;
    clearTimeout(retry);
    signal.removeEventListener('abort', onAbort);
  }

  if (signal.aborted && subscription !== undefined && !exit) {
    await client.unsubscribe(subscription).catch(() => undefined);
  }
  await client.stop().catch(() => undefined);
  if (signal.aborted) return { kind: 'stopped' };
  if (failure !== undefined) return { kind: 'failed', error: failure, watched };
  return { kind: 'exited', exit: exit ?? { code: null, signal: null }, watched };
}
