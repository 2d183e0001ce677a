// Measured health of each agent, and the gate that spaces out calls to a failing one: after a
// transient failure the agent waits out a capped backoff (2 s doubling, jitter, Retry-After),
// then ONE call tries it (the trial) while the other replies keep waiting; success opens it.
import type { AgentFailure } from './failure-class.js';
import type { BackendCheck } from './types.js';

/** First wait after a transient failure; it doubles up to the agent's cap. */
export const FIRST_RETRY_MS = 2_000;
/** Default cap of the wait between tries (`replyRetryMaxSeconds`). */
export const MAX_RETRY_MS = 120_000;
/** A trial that never reported back (a crash mid-call) stops blocking after this long. */
const TRIAL_STALE_MS = 5 * 60_000;

/** One agent's health as measured. */
export interface AgentHealthEntry {
  state: 'ok' | 'failing';
  cause?: string;
  /** When it started failing (ms). */
  since?: number;
  /** When the next call may try it (ms); unset: calls go through (ok, or a permanent failure). */
  nextRetryAt?: number;
  checkedAt: number;
  /** Transient failures in a row. */
  failures: number;
  /** When the call trying a failing agent started (ms). */
  trialAt?: number;
}

/** The health view the snapshot shows (contract `agents.list[].health`). */
export interface AgentHealthView {
  state: 'ok' | 'failing' | 'unknown' | 'unavailable';
  cause?: string;
  since?: string;
  nextRetryAt?: string;
  waiting: number;
  checkedAt?: string;
}

/** The wait before try number `failures + 1` (ms): Retry-After when given, else 2 s doubling to `maxMs`, ±20 % jitter. */
export function retryDelayMs(failures: number, maxMs: number, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 60 * 60_000);
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), maxMs);
  return Math.round(Math.min(base, maxMs) * (0.8 + 0.4 * random()));
}

/** Every agent's health by agent id; survives config reloads (the agents' ids do). */
export class AgentHealthBook {
  readonly #entries = new Map<string, AgentHealthEntry>();
  readonly #listeners = new Set<(agentId: string) => void>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** The measured health of `agentId`; undefined while it was never used nor probed. */
  get(agentId: string): AgentHealthEntry | undefined {
    return this.#entries.get(agentId);
  }

  /**
   * Before a call: undefined = go ahead (when the agent is failing and its retry is due, this
   * caller makes the trial call and must report it); else wait until `until` (ms).
   */
  admit(agentId: string): { until: number; cause: string } | undefined {
    const wait = this.peek(agentId);
    const e = this.#entries.get(agentId);
    if (!wait && e?.nextRetryAt !== undefined) e.trialAt = this.now();
    return wait;
  }

  /** Like {@link admit} without taking the trial: should a call to `agentId` wait now? */
  peek(agentId: string): { until: number; cause: string } | undefined {
    const e = this.#entries.get(agentId);
    if (!e || e.state !== 'failing' || e.nextRetryAt === undefined) return undefined;
    const now = this.now();
    const cause = e.cause ?? 'the agent failed';
    // Another call is trying it right now: wait for that one (its end wakes everyone).
    if (e.trialAt !== undefined && now - e.trialAt < TRIAL_STALE_MS) return { until: now + retryDelayMs(e.failures, MAX_RETRY_MS, () => 0.5), cause };
    return now < e.nextRetryAt ? { until: e.nextRetryAt, cause } : undefined;
  }

  /** A call (or probe) succeeded. */
  succeeded(agentId: string): void {
    const e = this.#entries.get(agentId);
    // The happy path: one field written, nothing emitted.
    if (e?.state === 'ok') return void (e.checkedAt = this.now());
    this.#entries.set(agentId, { state: 'ok', checkedAt: this.now(), failures: 0 });
    this.#emit(agentId);
  }

  /** A call failed: a transient failure gates later calls for a while; returns the next try (ms), if any. */
  failed(agentId: string, failure: AgentFailure, maxDelayMs = MAX_RETRY_MS): number | undefined {
    const now = this.now();
    const e = this.#entries.get(agentId);
    const since = e?.state === 'failing' ? e.since : now;
    const failures = failure.transient ? (e?.failures ?? 0) + 1 : 0;
    const nextRetryAt = failure.transient ? now + retryDelayMs(failures, maxDelayMs, this.random, failure.retryAfterMs) : undefined;
    this.#entries.set(agentId, { state: 'failing', cause: failure.cause, since, nextRetryAt, checkedAt: now, failures });
    this.#emit(agentId);
    return nextRetryAt;
  }

  /** A probe's result (`doctor`-style check): it never gates calls, only informs. */
  probed(agentId: string, check: BackendCheck): void {
    if (check.ok) return this.succeeded(agentId);
    const e = this.#entries.get(agentId);
    // A failing agent keeps its backoff; the probe only refreshes what is known.
    const now = this.now();
    this.#entries.set(agentId, { ...e, state: 'failing', cause: check.detail, since: e?.state === 'failing' ? e.since : now, checkedAt: now, failures: e?.failures ?? 0 });
    this.#emit(agentId);
  }

  /** Forget agents no longer configured. */
  retain(agentIds: readonly string[]): void {
    for (const id of [...this.#entries.keys()]) if (!agentIds.includes(id)) this.#entries.delete(id);
  }

  /** Called with the agent id whenever an agent's health changes. */
  onChange(listener: (agentId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The snapshot view of `agentId` with `waiting` replies. */
  view(agentId: string, waiting: number): AgentHealthView {
    const e = this.#entries.get(agentId);
    if (!e) return { state: 'unknown', waiting };
    const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
    return { state: e.state, ...(e.cause !== undefined && { cause: e.cause }), ...(e.since !== undefined && { since: iso(e.since) }), ...(e.nextRetryAt !== undefined && { nextRetryAt: iso(e.nextRetryAt) }), waiting, checkedAt: iso(e.checkedAt) };
  }

  #emit(agentId: string): void {
    for (const listener of this.#listeners) listener(agentId);
  }
}
