// How many earlier turns of a transcript an agent sees (channel spec §15), looked up from the
// session key and the top-level `channels.imessage` keys only.
import type { AppConfig } from '../config/schema.js';
import { normalizeHandle } from '../policy/normalize.js';

/** Turns kept when no limit is configured (at most 40 messages), so transcripts never grow without bound. */
export const DEFAULT_TRANSCRIPT_TURNS = 20;

/** One stored transcript message. */
export interface TranscriptMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
  /** ISO time the message was recorded. */
  readonly at?: string;
}

/** The kind of conversation a session key names, and the DM peer when it has one. */
export function sessionKeyKind(sessionKey: string): { kind: 'group' } | { kind: 'direct'; peer?: string } | { kind: 'other' } {
  const key = sessionKey.toLowerCase();
  if (/^agent:[^:]+:imessage:group:/.test(key)) return { kind: 'group' };
  const direct = key.indexOf(':direct:');
  if (direct !== -1) return { kind: 'direct', peer: key.slice(direct + ':direct:'.length) };
  // `agent:<id>:main` only ever holds DMs here (groups have their own keys), so DM limits apply.
  if (/^agent:[^:]+:main$/.test(key)) return { kind: 'direct' };
  return { kind: 'other' };
}

/**
 * Earlier user turns kept for `sessionKey`: group keys use `historyLimit`, DM keys use
 * `dms[<peer>].historyLimit`, else `dmHistoryLimit`; unset → {@link DEFAULT_TRANSCRIPT_TURNS}.
 * 0 keeps none (each message is answered on its own).
 */
export function transcriptTurnLimit(config: AppConfig | undefined, sessionKey: string): number {
  const channel = config?.channels?.imessage;
  const kind = sessionKeyKind(sessionKey);
  let limit: number | undefined;
  if (kind.kind === 'group') limit = channel?.historyLimit;
  else if (kind.kind === 'direct') {
    const peer = kind.peer;
    const perPeer = peer === undefined ? undefined : Object.entries(channel?.dms ?? {}).find(([handle]) => normalizeHandle(handle).toLowerCase() === peer)?.[1];
    limit = perPeer?.historyLimit ?? channel?.dmHistoryLimit;
  }
  return limit ?? DEFAULT_TRANSCRIPT_TURNS;
}

/** The last `turns` user messages and everything after each of them (their replies). */
export function trimTurns(messages: readonly TranscriptMessage[], turns: number): TranscriptMessage[] {
  if (turns <= 0) return [];
  let seen = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user' && ++seen === turns) return messages.slice(i);
  }
  return [...messages];
}
