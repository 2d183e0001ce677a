// Builders for decideInbound tests: realistic imsg payloads and a context over a given config.
import { resolveAccount } from '../../../electron/core/config/accounts.js';
import type { IMessageChannelConfig } from '../../../electron/core/config/imessage-schema.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { parseImsgMessage, type ImsgMessage } from '../../../electron/core/imsg/message.js';
import { decideInbound } from '../../../electron/core/policy/decide.js';
import type { DecideContext, InboundDecision } from '../../../electron/core/policy/decide-types.js';
import { SentMessageCache } from '../../../electron/core/policy/echo-cache.js';
import { GroupHistory } from '../../../electron/core/policy/history.js';
import { LoopLimiter } from '../../../electron/core/policy/loop-limiter.js';
import { SelfChatCache } from '../../../electron/core/policy/self-chat-cache.js';

/** The test clock. */
export const NOW = 1_767_225_600_000;
/** Alice, a DM contact. */
export const ALICE = '+15550001111';
/** Bob, a group member. */
export const BOB = '+15550002222';

/** A DM from Alice as imsg reports it. */
export function dm(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 100, guid: 'GUID-IN-100', chat_id: 5, sender: ALICE, is_from_me: false, text: 'hello', created_at: '2026-01-01T00:00:00.000Z',
    attachments: [], reactions: [], chat_identifier: ALICE, chat_guid: `iMessage;-;${ALICE}`, chat_name: '', participants: [ALICE], is_group: false, ...over,
  };
}

/** A group message from Bob in chat 42. */
export function group(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 200, guid: 'GUID-IN-200', chat_id: 42, sender: BOB, is_from_me: false, text: 'hello all', created_at: '2026-01-01T00:00:00.000Z',
    attachments: [], reactions: [], chat_identifier: 'chat123456', chat_guid: 'iMessage;+;chat123456', chat_name: 'Friends', participants: [ALICE, BOB], is_group: true, ...over,
  };
}

/** Validate a raw payload the way the bridge does (tests fail loudly on a bad fixture). */
export function payload(raw: Record<string, unknown>): ImsgMessage {
  const r = parseImsgMessage(raw);
  if (!r.ok) throw new Error(`bad fixture: ${r.error}`);
  return r.message;
}

/** Fresh caches. */
export function caches(): DecideContext['caches'] {
  return { echo: new SentMessageCache(), selfChat: new SelfChatCache(), loop: new LoopLimiter(), history: new GroupHistory() };
}

/** Options of {@link harness}. */
export interface HarnessOptions {
  imessage?: IMessageChannelConfig;
  config?: Omit<AppConfig, 'channels'>;
  store?: string[];
  blocked?: boolean;
  accountId?: string;
}

/** A config + shared caches; `decide` runs one payload at `now` (default {@link NOW}). */
export function harness(opts: HarnessOptions = {}) {
  const config: AppConfig = { ...opts.config, channels: { imessage: opts.imessage ?? {} } };
  const shared = caches();
  const account = resolveAccount(config, opts.accountId);
  const decide = (raw: Record<string, unknown>, over: Partial<DecideContext> = {}): InboundDecision =>
    decideInbound(payload(raw), { account, config, storeAllowFrom: opts.store ?? [], blocked: opts.blocked, caches: shared, now: NOW, ...over });
  return { config, account, caches: shared, decide };
}

/** The verdict in one comparable line: `drop: no mention`, `dispatch`, `pairing: pairing required`. */
export function verdict(d: InboundDecision): string {
  return d.reason === null ? d.decision : `${d.decision}: ${d.reason}`;
}
