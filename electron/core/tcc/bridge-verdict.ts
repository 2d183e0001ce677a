// The imsg bridge's own permission verdicts (its errors, classified): they overrule our probes.
import type { AccountHealth, HealthError } from '../imsg/health.js';

/**
 * The account's last imsg error when its cause is `kind` and nothing newer proved it wrong.
 * `lastError` is never cleared, so a success after it (`provenAt`, an ISO time) makes it stale.
 */
export function bridgeError(health: AccountHealth | undefined, kind: 'full-disk-access' | 'automation', provenAt?: string): HealthError | undefined {
  const error = health?.lastError;
  if (!error || error.cause.kind !== kind) return undefined;
  if (provenAt !== undefined && Date.parse(provenAt) > Date.parse(error.at)) return undefined;
  return error;
}

/** Full Disk Access as imsg saw it: its FDA error counts until a later request succeeded. */
export function bridgeFdaError(health: AccountHealth | undefined): HealthError | undefined {
  return bridgeError(health, 'full-disk-access', health?.lastRequestOkAt);
}
