// Shapes and limits of the pairing store's public API (spec §9).
import type { RandomInt } from './codes.js';

/** A pending pairing request as callers see it. */
export interface PairingRequest {
  id: string;
  code: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  meta: Record<string, string>;
  /** The first message they sent (shortened), when known. */
  firstText?: string;
  /** `direct` or `group`: where they wrote from. */
  chatType?: string;
  /** The chat's display name, when it has one. */
  chatName?: string;
  /** Their name in the owner's contacts, when known. */
  contactName?: string;
}

/** Result of {@link PairingStore.upsertRequest}: `created` tells whether to send the code. */
export interface UpsertResult {
  code: string;
  created: boolean;
  blocked?: boolean;
  request?: PairingRequest;
  /** Set when the pending cap was reached: the sender now waits for a free slot ("waiting, limit reached"). */
  waiting?: { count: number };
}

/** Options of {@link PairingStore}; the injectables exist for tests. */
export interface PairingStoreOptions {
  stateDir: string;
  now?: () => number;
  ttlMs?: number;
  maxPending?: number;
  random?: RandomInt;
  lockTimeoutMs?: number;
}

/** Pending lifetime of a request, from its creation (§9). */
export const PAIRING_TTL_MS = 60 * 60 * 1000;
/** Most pending requests one account may have (§9). */
export const MAX_PENDING_PER_ACCOUNT = 3;
