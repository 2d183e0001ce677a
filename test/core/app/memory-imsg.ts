// An in-memory `imsg rpc` for orchestrator tests and the bench: the test pushes `message`
// notifications, every `send` request is recorded with the time it was issued. No process, no disk.
import type { ClientFactory } from '../../../electron/core/imsg/client-port.js';
import type { ProbeResult } from '../../../electron/core/imsg/probe.js';
import type { SupervisorOptions } from '../../../electron/core/imsg/supervisor.js';
import { MemoryClient, type MemoryOwner, type SendFault } from './memory-client.js';
import { buildPayload, dmChatId, type MemoryMessageInput, type MemoryPayload } from './memory-payload.js';

export type { SendFault } from './memory-client.js';
export type { MemoryMessageInput, MemoryPayload } from './memory-payload.js';

/** One recorded `send` request. */
export interface MemorySend {
  readonly params: Record<string, unknown>;
  /** `performance.now()` when the request was issued. */
  readonly at: number;
  /** `Date.now()` at the same moment (history rows carry it). */
  readonly wall: number;
}

/** One simulated account: a client factory for the supervisor plus the inbox/outbox. */
export class MemoryImsg implements MemoryOwner {
  readonly sends: MemorySend[] = [];
  /** Called synchronously for every `send` request (bench timing). */
  onSend: ((send: MemorySend) => void) | undefined;
  #live: MemoryClient | undefined;
  #nextRow = 1;
  #nextPid = 90_000;
  #waiters = new Set<() => void>();
  #faults: SendFault[] = [];

  /** Supervisor overrides: this fake instead of a spawned imsg, a probe that always passes, no pings. */
  overrides(): Partial<SupervisorOptions> {
    const createClient: ClientFactory = () => new MemoryClient(this, this.#nextPid++);
    const probe = async (): Promise<ProbeResult> => ({ ok: true, fatal: false, version: '0.9.0', rpcSupported: true, protocol: 'legacy', durationMs: 0 });
    return { createClient, probe, pingIntervalMs: 3_600_000, backoff: { baseMs: 10, maxMs: 50, jitterRatio: 0, stableMs: 60_000 } };
  }

  /** True once a subscription is live (the supervisor is watching). */
  get watching(): boolean {
    return this.#live !== undefined;
  }

  /** Clients created so far (one per imsg run: restarts add one). */
  get runs(): number {
    return this.#nextPid - 90_000;
  }

  /** @internal the client whose subscription receives notifications. */
  attach(client: MemoryClient): void {
    this.#live = client;
  }

  /** @internal a stopped client no longer receives notifications. */
  detach(client: MemoryClient): void {
    if (this.#live === client) this.#live = undefined;
  }

  /** Script the next `send` requests, in order (later ones succeed). */
  failSends(...faults: SendFault[]): void {
    this.#faults.push(...faults);
  }

  /** @internal the fault for the send being performed, if any. */
  takeFault(): SendFault | undefined {
    return this.#faults.shift();
  }

  /** @internal `messages.history` of a chat: the rows sent to it, newest first. */
  history(chatId: number): Array<Record<string, unknown>> {
    return this.sends
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => (typeof s.params.chat_id === 'number' ? s.params.chat_id : dmChatId(String(s.params.to ?? ''))) === chatId)
      .map(({ s, i }) => ({ id: 1_000_000 + i, guid: `SENT-${i + 1}`, is_from_me: true, text: s.params.text, created_at: new Date(s.wall).toISOString() }))
      .reverse();
  }

  /** @internal record a send and wake waiters. */
  recordSend(params: Record<string, unknown>): Record<string, unknown> {
    const send = { params, at: performance.now(), wall: Date.now() };
    this.sends.push(send);
    this.onSend?.(send);
    for (const wake of [...this.#waiters]) wake();
    return { ok: true, id: `sent-${this.sends.length}` };
  }

  /** The notification payload imsg would write for `input` (row ids ascend). */
  payload(input: MemoryMessageInput): MemoryPayload {
    return buildPayload(this.#nextRow++, input);
  }

  /** Deliver a message notification; returns its payload. Throws when nothing is subscribed. */
  inject(input: MemoryMessageInput): MemoryPayload {
    const message = this.payload(input);
    if (!this.#live?.deliver(message)) throw new Error('memory imsg: no live subscription (is the account watching?)');
    return message;
  }

  /** Deliver a prepared payload (bench timing takes the clock right before this). */
  deliver(message: MemoryPayload): void {
    if (!this.#live?.deliver(message)) throw new Error('memory imsg: no live subscription (is the account watching?)');
  }

  /** Resolve once at least `count` sends were recorded, or reject after `timeoutMs`. */
  waitForSends(count: number, timeoutMs = 10_000): Promise<MemorySend[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (this.sends.length < count) return false;
        clearTimeout(timer);
        this.#waiters.delete(wake);
        resolve(this.sends.slice());
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        this.#waiters.delete(wake);
        reject(new Error(`memory imsg: ${this.sends.length} of ${count} sends after ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.#waiters.add(wake);
    });
  }

  /** Texts of every recorded send, in order. */
  texts(): string[] {
    return this.sends.map((s) => String(s.params.text ?? ''));
  }
}
