// Sending through an account's running imsg: wait for it to be up, send, remember for echo checks.
import type { ResolvedAccount } from '../config/accounts.js';
import { buildSendParams } from '../delivery/send-params.js';
import { messageIdFromResult } from '../delivery/send-result.js';
import type { ImsgSupervisor } from '../imsg/supervisor.js';
import { echoScope, type SentMessageCache } from '../policy/echo-cache.js';

/** Where a sent chunk is remembered so its echo is recognised (§12). */
export interface EchoTarget {
  readonly isGroup: boolean;
  readonly chatId?: number;
  readonly sender: string;
}

/** One performed `send` request. */
export interface SentChunk {
  readonly messageId: string;
  readonly params: Record<string, unknown>;
}

/** imsg is not running (stopped, failed, restarting): a send can go out once it is back. */
export class ImsgDownError extends Error {
  readonly code = 'imsg-down';
}

/** True when `err` says imsg was not there to take (or finish) the request, rather than refusing it. */
export function isImsgDown(err: unknown): boolean {
  return err instanceof ImsgDownError || isTransportFailure(err) || (err as { kind?: unknown } | null)?.kind === 'timeout';
}

/** Resolve once the account's imsg child can take requests (and is not `exceptPid`), or throw after `timeoutMs`. */
export async function waitUntilRunning(supervisor: ImsgSupervisor, timeoutMs: number, exceptPid?: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = supervisor.health();
    if (h.pid !== undefined && h.pid !== exceptPid && (h.state === 'watching' || h.state === 'ready')) return;
    if (h.state === 'fatal' || h.state === 'stopped') throw new ImsgDownError(`imsg for account ${h.accountId} is ${h.state}${h.lastError ? `: ${h.lastError.message}` : ''}`);
    if (Date.now() > deadline) throw new ImsgDownError(`imsg for account ${h.accountId} did not come back within ${Math.round(timeoutMs / 1000)} s (state ${h.state})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Send `chunks` in order to `target`; each is remembered in the echo cache right after it went out. */
export function sendChunks(input: {
  readonly supervisor: ImsgSupervisor;
  readonly account: ResolvedAccount;
  readonly target: string;
  readonly chunks: readonly string[];
  readonly file?: string;
  readonly echo?: EchoOptions;
  readonly waitMs?: number;
}): Promise<SentChunk[]> {
  const requests = input.chunks.map((text, i) => buildSendParams({ target: input.target, text, file: i === 0 ? input.file : undefined, account: input.account }));
  return performSends({ ...input, requests });
}

/** Echo-cache bookkeeping for sends. */
export interface EchoOptions {
  readonly cache: SentMessageCache;
  readonly target: EchoTarget;
  readonly now: () => number;
}

/** Sends whose imsg died under them are tried this often in all (after checking they did not go out). */
const SEND_ATTEMPTS = 3;

/** Perform prepared `send` params in order (waiting for imsg to be up), remembering each for echo checks. */
export async function performSends(input: {
  readonly supervisor: ImsgSupervisor;
  readonly account: ResolvedAccount;
  readonly requests: ReadonlyArray<Record<string, unknown>>;
  readonly echo?: EchoOptions;
  readonly waitMs?: number;
}): Promise<SentChunk[]> {
  const sent: SentChunk[] = [];
  for (const params of input.requests) {
    const messageId = await sendOnce(input.supervisor, params, input.waitMs ?? 60_000, verifyChatId(params, input.echo));
    const text = typeof params.text === 'string' ? params.text : '';
    if (input.echo) input.echo.cache.remember(echoScope(input.account.accountId, input.echo.target), { text, messageId }, input.echo.now());
    sent.push({ messageId, params });
  }
  return sent;
}

/**
 * One `send`. When imsg dies with the request in flight (a crash, a kill) the message may or may
 * not have gone out: once imsg is back, the chat's newest rows tell which, so a reply is neither
 * lost nor doubled. Without a chat to look in, the failure is reported instead of guessing.
 */
async function sendOnce(supervisor: ImsgSupervisor, params: Record<string, unknown>, waitMs: number, chatId: number | undefined): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    await waitUntilRunning(supervisor, waitMs);
    const pid = supervisor.health().pid;
    const startedAt = Date.now();
    try {
      return messageIdFromResult(await supervisor.request('send', params, { timeoutMs: 120_000 }));
    } catch (err) {
      if (!isTransportFailure(err) || chatId === undefined || attempt >= SEND_ATTEMPTS) throw err;
      await waitUntilRunning(supervisor, waitMs, pid);
      const found = await findSentRow(supervisor, chatId, params, startedAt);
      if (found !== undefined) return found;
    }
  }
}

/** The chat a reply goes to, for the "did it go out?" check: the send's chat_id, else the echo scope's. */
function verifyChatId(params: Record<string, unknown>, echo: EchoOptions | undefined): number | undefined {
  if (typeof params.chat_id === 'number') return params.chat_id;
  return echo?.target.chatId;
}

/** The child ended or was gone: the request may or may not have been performed. */
function isTransportFailure(err: unknown): boolean {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return kind === 'exited' || kind === 'not-running' || (err as Error | null)?.message === 'imsg rpc not running';
}

/** Clocks of a remote Mac may differ a little from ours. */
const SENT_ROW_SLACK_MS = 2_000;

/** The id of an outgoing row with exactly this text, written since `since`, in the chat's newest rows. */
async function findSentRow(supervisor: ImsgSupervisor, chatId: number, params: Record<string, unknown>, since: number): Promise<string | undefined> {
  const row = (await recentOutgoing(supervisor, chatId, since, 20)).find((m) => m.text === params.text);
  return row ? messageIdFromResult(row) : undefined;
}

/** The chat's outgoing (is_from_me) rows written since `since` (ms), among its newest `limit` rows. */
export async function recentOutgoing(supervisor: ImsgSupervisor, chatId: number, since: number, limit: number): Promise<Array<Record<string, unknown>>> {
  const history = await supervisor.request<{ messages?: Array<Record<string, unknown>> }>('messages.history', { chat_id: chatId, limit }, { timeoutMs: 30_000 });
  return (history.messages ?? []).filter((m) => m.is_from_me === true && typeof m.created_at === 'string' && Date.parse(m.created_at) >= since - SENT_ROW_SLACK_MS);
}
