// DM access decision (channel spec §9, with §0.3's blocked senders).
import { findAllowMatch, type AllowEntry, type SenderFacts } from './allow-from.js';

/** The DM policies of §6. */
export type DmPolicy = 'pairing' | 'allowlist' | 'open' | 'disabled';

/** Drop reason for a sender the owner denied/blocked (§0.3); our own string, the reference has no blocking. */
export const BLOCKED_SENDER_REASON = 'sender blocked';

/** Outcome of the DM gate. */
export type DmDecision =
  | { readonly outcome: 'allow'; readonly detail: string }
  | { readonly outcome: 'pairing'; readonly detail: string }
  | { readonly outcome: 'drop'; readonly reason: string; readonly detail: string };

/** Inputs of {@link decideDm}. */
export interface DmInput {
  readonly dmPolicy: DmPolicy;
  /** The effective DM list: config plus pairing store (see effectiveDmAllowFrom). */
  readonly allowFrom: readonly AllowEntry[];
  readonly facts: SenderFacts;
  /** The sender was denied/blocked in the pairing store. */
  readonly blocked?: boolean;
}

/** Decide a DM in the §9 order: disabled, open, listed, pairing (unless blocked), else blocked. */
export function decideDm(input: DmInput): DmDecision {
  const { dmPolicy, facts } = input;
  if (dmPolicy === 'disabled') return { outcome: 'drop', reason: 'dmPolicy disabled', detail: 'direct messages are disabled (dmPolicy "disabled")' };
  // open ignores allowFrom at runtime; the schema is what demands "*" (§9).
  if (dmPolicy === 'open') return { outcome: 'allow', detail: 'dmPolicy "open" lets every sender in' };
  const match = findAllowMatch(input.allowFrom, facts);
  if (match !== undefined) return { outcome: 'allow', detail: `sender ${facts.sender} is allowed by entry "${match}"` };
  if (dmPolicy === 'pairing') {
    if (input.blocked) return { outcome: 'drop', reason: BLOCKED_SENDER_REASON, detail: `sender ${facts.sender} was blocked by the owner; no pairing code is sent` };
    return { outcome: 'pairing', detail: `sender ${facts.sender} is not approved yet; a pairing request is needed` };
  }
  return { outcome: 'drop', reason: 'dmPolicy blocked', detail: `sender ${facts.sender} is not in allowFrom (dmPolicy "allowlist")` };
}
