// Mutable health state behind ImsgSupervisor, turned into immutable snapshots for subscribers.
import type { ImsgCause } from './classify-error.js';
import { type AccountHealth, isHealthy } from './health.js';

type Fields = Omit<AccountHealth, 'healthy' | 'queued' | 'accountId'>;

/** Time stamps that change per message or request. */
type Stamp = 'lastMessageAt' | 'lastRequestOkAt';

/** A stamp is published at most this often: a burst changes health (and the snapshot) once a second, not per message. */
export const STAMP_MS = 1000;

/** Accumulates health fields and notifies listeners on every change. */
export class HealthTracker {
  #fields: Fields = { state: 'stopped', restarts: 0, attempt: 0, cursor: null };
  readonly #listeners = new Set<() => void>();

  /** `windowMs`: how recent the last answered request must be to count as healthy. */
  constructor(readonly accountId: string, readonly windowMs: number) {}

  /** Merge `patch` (an `undefined` value clears that field) and notify. */
  update(patch: Partial<Fields>): void {
    const next: Record<string, unknown> = { ...this.#fields };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    this.#fields = next as Fields;
    for (const listener of this.#listeners) listener();
  }

  readonly #stamps: Partial<Record<Stamp, { at: number; publishedAt: number; timer?: NodeJS.Timeout }>> = {};

  /** Stamp `field` with now: published at once when its last publication is a second old, else at the end of that second (with the latest time). */
  touch(field: Stamp, now = Date.now()): void {
    const stamp = (this.#stamps[field] ??= { at: now, publishedAt: Number.NEGATIVE_INFINITY });
    stamp.at = now;
    if (now - stamp.publishedAt >= STAMP_MS) return this.#publish(field);
    if (stamp.timer) return;
    stamp.timer = setTimeout(() => this.#publish(field), STAMP_MS - (now - stamp.publishedAt));
    stamp.timer.unref?.();
  }

  #publish(field: Stamp): void {
    const stamp = this.#stamps[field];
    if (!stamp) return;
    clearTimeout(stamp.timer);
    stamp.timer = undefined;
    stamp.publishedAt = Date.now();
    this.update({ [field]: new Date(stamp.at).toISOString() });
  }

  /** Record the last error with its classified cause. */
  error(err: Error, cause: ImsgCause): void {
    this.update({ lastError: { message: err.message, cause, at: new Date().toISOString() } });
  }

  /** Watching again: the last error becomes "last problem (recovered at …)", so badge and error box agree. */
  healed(): void {
    const last = this.#fields.lastError;
    if (!last) return;
    this.update({ lastError: undefined, lastProblem: { message: last.cause.summary === last.message ? last.message : `${last.cause.summary} (${last.message})`, at: last.at, recoveredAt: new Date().toISOString() } });
  }

  /** Add one to a counter field (invalid payloads, protocol errors). */
  count(field: 'invalidPayloads' | 'protocolErrors'): void {
    this.update({ [field]: (this.#fields[field] ?? 0) + 1 });
  }

  /** The current snapshot, `healthy` measured now. */
  snapshot(queued: number): AccountHealth {
    const base = { ...this.#fields, accountId: this.accountId, queued };
    return { ...base, healthy: isHealthy(base, Date.now(), this.windowMs) };
  }

  /** Register a change listener; returns its removal. */
  listen(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
