// watch.subscribe subscriptions: file events + debounce + fallback poll, ≤100 rows per poll (spec §4.6).
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { messagePayload } from '../store/message-payload.js';
import { rowsAfter } from '../store/message-queries.js';
import type { Store } from '../store/open-store.js';
import { describeSqliteError } from '../store/sqlite-error.js';
import { passesFilter, PreviewMemory, type WatchFilter } from './watch-filter.js';

/** imsg fetches at most this many rows per poll; a backlog drains one batch per trigger. */
export const POLL_BATCH = 100;

/** A subscription's settings (validated by the method handler). */
export interface WatchSpec {
  readonly cursor: number;
  readonly chatId?: number;
  readonly filter: WatchFilter;
  readonly attachments: boolean;
  readonly includeReactions: boolean;
  readonly debounceMs: number;
}

/** Sends notifications. */
export type Notify = (method: string, params: Record<string, unknown>) => void;

/** One live subscription. */
class Subscription {
  private cursor: number;
  private stopped = false;
  private debounce: NodeJS.Timeout | undefined;
  private readonly fallback: NodeJS.Timeout;
  private readonly watchers: FSWatcher[] = [];

  constructor(
    private readonly id: number,
    private readonly spec: WatchSpec,
    private readonly registry: WatchRegistry,
  ) {
    this.cursor = spec.cursor;
    // Only the files that exist now are watched, and never re-armed (imsg 0.9.0, openclaw/imsg#126).
    const path = registry.store.path;
    for (const file of [path, `${path}-wal`, `${path}-shm`].filter((f) => existsSync(f))) {
      try {
        const w = watch(file, { persistent: false }, () => this.onFileEvent());
        w.on('error', () => w.close());
        this.watchers.push(w);
      } catch {
        // A file that vanished between the check and the watch simply is not watched.
      }
    }
    this.fallback = setInterval(() => this.poll(), registry.fallbackMs);
    setImmediate(() => this.poll());
  }

  /** One poll `debounce` after the first event; later events while pending are coalesced, not extending it. */
  private onFileEvent(): void {
    if (this.stopped || this.debounce) return;
    this.debounce = setTimeout(() => this.poll(), this.spec.debounceMs);
  }

  /** Fetch the next batch and emit it; a throwing poll ends the subscription with an `error` notification. */
  poll(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = undefined;
    if (this.stopped) return;
    const { store, notify, previews } = this.registry;
    try {
      const rows = rowsAfter(store, { cursor: this.cursor, chatId: this.spec.chatId, includeReactions: this.spec.includeReactions, limit: POLL_BATCH });
      for (const row of rows) {
        if (this.stopped) return;
        this.cursor = Math.max(this.cursor, row.id);
        if (!passesFilter(row, this.spec.filter) || previews.isDuplicate(row)) continue;
        const message = messagePayload(store, row, {
          attachments: this.spec.attachments,
          reactions: this.spec.includeReactions,
          reactionEvents: this.spec.includeReactions,
        });
        notify('message', { subscription: this.id, message });
      }
    } catch (err) {
      notify('error', { subscription: this.id, error: { message: describeSqliteError(err) } });
      this.stop();
    }
  }

  /** Stop timers and watchers; nothing is emitted afterwards. */
  stop(): void {
    this.stopped = true;
    if (this.debounce) clearTimeout(this.debounce);
    clearInterval(this.fallback);
    for (const w of this.watchers) w.close();
  }
}

/** All subscriptions of one RPC server; ids start at 1. */
export class WatchRegistry {
  private nextId = 1;
  private readonly subs = new Map<number, Subscription>();
  /** URL-preview memory shared by every subscription. */
  readonly previews = new PreviewMemory();

  constructor(
    readonly store: Store,
    readonly notify: Notify,
    readonly fallbackMs: number,
  ) {}

  /** Start a subscription; its first poll runs right after the current request is answered. */
  subscribe(spec: WatchSpec): number {
    const id = this.nextId++;
    this.subs.set(id, new Subscription(id, spec, this));
    return id;
  }

  /** Stop a subscription; unknown ids (and ones already ended by an error) are fine. */
  unsubscribe(id: number): void {
    this.subs.get(id)?.stop();
    this.subs.delete(id);
  }

  /** Stop everything (stdin EOF). */
  closeAll(): void {
    for (const sub of this.subs.values()) sub.stop();
    this.subs.clear();
  }
}
