// One run of `imsg rpc`: start, readiness, cursor, subscription, liveness pings, until it ends.
import type { ExitInfo } from './rpc-client.js';
import type { RpcClientPort } from './client-port.js';
import type { InboundQueue } from './inbound-queue.js';
import { currentEndCursor, sinceRowidFor } from './initial-cursor.js';

/** Progress reported by a session to its supervisor. */
export interface SessionHooks {
  onReady(): void;
  onWatching(subscription: number): void;
  onRequestOk(): void;
  onMessage(): void;
  /** A non-fatal problem (e.g. a terminal `error` notification that was resubscribed). */
  onWarning(err: Error): void;
}

/** Inputs of {@link runWatchSession}. */
export interface WatchSessionOptions {
  readonly client: RpcClientPort;
  /** The client is started and already answered (the start probe's session): no second readiness request. */
  readonly ready?: boolean;
  readonly queue: InboundQueue;
  readonly watchParams: Readonly<Record<string, unknown>>;
  readonly readyTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Liveness ping period while watching; a timed-out ping means imsg is wedged. */
  readonly pingIntervalMs: number;
  readonly hooks: SessionHooks;
  readonly signal: AbortSignal;
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

  const subscribe = async (): Promise<void> => {
    const since = sinceRowidFor(queue.resumeFrom);
    const params = { ...opts.watchParams, ...(since === undefined ? {} : { since_rowid: since }) };
    subscription = await client.subscribe(params, {
      onMessage: (message) => {
        queue.enqueue(message);
        hooks.onMessage();
      },
      onError: (error) => {
        // Terminal for that subscription (imsg §2.5): resume from the last row we received.
        hooks.onWarning(new Error(`watch error: ${error.message}`));
        subscription = undefined;
        subscribe().catch(fail);
      },
    }, { timeoutMs: opts.requestTimeoutMs });
    hooks.onWatching(subscription);
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
