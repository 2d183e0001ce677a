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

/** Resolve once the account's imsg child can take requests, or throw after `timeoutMs`. */
export async function waitUntilRunning(supervisor: ImsgSupervisor, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = supervisor.health();
    if (h.pid !== undefined && (h.state === 'watching' || h.state === 'ready')) return;
    if (h.state === 'fatal' || h.state === 'stopped') throw new Error(`imsg for account ${h.accountId} is ${h.state}${h.lastError ? `: ${h.lastError.message}` : ''}`);
    if (Date.now() > deadline) throw new Error(`imsg for account ${h.accountId} did not come back within ${Math.round(timeoutMs / 1000)} s (state ${h.state})`);
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
    await waitUntilRunning(input.supervisor, input.waitMs ?? 60_000);
    const result = await input.supervisor.request('send', params, { timeoutMs: 120_000 });
    const messageId = messageIdFromResult(result);
    const text = typeof params.text === 'string' ? params.text : '';
    if (input.echo) input.echo.cache.remember(echoScope(input.account.accountId, input.echo.target), { text, messageId }, input.echo.now());
    sent.push({ messageId, params });
  }
  return sent;
}
