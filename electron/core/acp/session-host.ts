// What an ACP session needs from the app: the chat (interim lines), the stores, the activity log.
import type { AgentRequest } from '../agents/types.js';
import type { BindingStore } from './binding-store.js';
import type { PermissionRelay } from './permission-relay.js';
import type { PidRecord } from './pid-record.js';

/** Where a line to the chat goes (the conversation of the message being answered). */
export interface ChatTarget {
  readonly accountId: string;
  /** The reply target (`chat_id:<n>` or `imessage:<handle>`). */
  readonly to: string;
  readonly isGroup: boolean;
  readonly chatId?: number;
  readonly sender: string;
}

/** Sends interim lines ("Working on it…", progress, permission questions) through the normal send path. */
export interface ChatPort {
  send(target: ChatTarget, text: string): Promise<void>;
}

/** Tunables (tests shorten them). */
export interface AcpTiming {
  /** Limit for spawn + initialize + session/new (ms). */
  readonly startTimeoutMs: number;
  /** First restart delay of a persistent agent that died (ms), doubling to a minute. */
  readonly restartBaseMs: number;
}

/** The product's timing. */
export const DEFAULT_ACP_TIMING: AcpTiming = { startTimeoutMs: 30_000, restartBaseMs: 2_000 };

/** Shared services of every ACP session. */
export interface SessionHost {
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly pids: PidRecord;
  readonly store: BindingStore;
  readonly relay: PermissionRelay;
  readonly chat: ChatPort;
  readonly timing: AcpTiming;
  /** A session's state changed (snapshot). */
  changed(): void;
  /** Record a line in the activity log. */
  log(accountId: string, detail: string, kind?: 'system' | 'agent-error'): void;
  now(): number;
}

/** The conversation an agent request answers, from its inbound context. */
export function chatTargetOf(req: AgentRequest): ChatTarget {
  const ctx = req.context;
  const to = String(ctx.To ?? ctx.OriginatingTo ?? '');
  const chatId = /^chat_id:(\d+)$/.exec(to)?.[1];
  return { accountId: req.accountId, to, isGroup: ctx.ChatType === 'group', ...(chatId && { chatId: Number(chatId) }), sender: String(ctx.SenderId ?? '') };
}

/** The key of a conversation's open permission question (the reply target names the conversation). */
export function questionKey(accountId: string, to: string): string {
  return `${accountId}|${to}`;
}
