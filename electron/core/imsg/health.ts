// Per-account health: measured from what imsg actually did, never from configuration (§0.7).
import type { ImsgCause } from './classify-error.js';

/** Lifecycle of one account's `imsg rpc` child. */
export type SupervisorState = 'stopped' | 'starting' | 'ready' | 'watching' | 'backoff' | 'fatal';

/** The last failure with its cause in words the UI can show. */
export interface HealthError {
  readonly message: string;
  readonly cause: ImsgCause;
  readonly at: string;
}

/** An error that healed: the account was watching again afterwards. */
export interface HealedProblem {
  readonly message: string;
  readonly at: string;
  readonly recoveredAt?: string;
}

/** A snapshot pushed to subscribers on every change. */
export interface AccountHealth {
  readonly accountId: string;
  readonly state: SupervisorState;
  readonly healthy: boolean;
  readonly pid?: number;
  readonly imsgVersion?: string;
  readonly protocol?: 'legacy' | 'v1';
  /** Restarts since the supervisor was started (manual retries included). */
  readonly restarts: number;
  /** Consecutive failed runs; reset after a stable run. */
  readonly attempt: number;
  readonly nextRestartAt?: string;
  readonly runStartedAt?: string;
  readonly lastError?: HealthError;
  readonly lastRequestOkAt?: string;
  readonly lastMessageAt?: string;
  readonly cursor: number | null;
  readonly subscription?: number;
  /** Messages received but not yet handled by the consumer. */
  readonly queued: number;
  /** Inbound payloads that could not be used (no or a bad id, wrong-typed fields, too deep). */
  readonly invalidPayloads?: number;
  /** Lines from imsg that were not valid protocol (not JSON, too long, unknown response ids). */
  readonly protocolErrors?: number;
  /** The last error, once the account was watching again after it. */
  readonly lastProblem?: HealedProblem;
}

/**
 * Healthy = watching with a live subscription and a request answered within `windowMs`.
 * A configured-but-silent account is not healthy.
 */
export function isHealthy(h: Omit<AccountHealth, 'healthy'>, now: number, windowMs: number): boolean {
  if (h.state !== 'watching' || h.subscription === undefined || !h.lastRequestOkAt) return false;
  return now - Date.parse(h.lastRequestOkAt) <= windowMs;
}
