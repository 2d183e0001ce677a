// After any change of the pairing files (an approval from the CLI, the tray or a notification):
// send the approval note to senders just approved, and give a code to the oldest stranger who
// waited while the pending cap (3) was reached, now that a slot is free. Runs in the app only.
import type { AppConfig } from '../config/schema.js';
import { APPROVED_NOTE_TEXT, pairingReplyText, type PairingRequest, type PairingStore } from '../pairing/index.js';
import type { AccountRuntime } from './account-runtime.js';
import type { ActivityLog } from './activity-log.js';
import { sendToPairingPeer, type PairingPeer } from './pairing-flow.js';

/** What the follow-up needs from the companion. */
export interface PairingFollowUpDeps {
  readonly pairing: PairingStore;
  readonly activity: ActivityLog;
  readonly config: () => AppConfig;
  /** The running runtime of an account (undefined: the account is not running, nothing is sent). */
  readonly runtime: (accountId: string) => AccountRuntime | undefined;
  readonly pairingCreated: (request: PairingRequest) => void;
  readonly changed: () => void;
}

/** Where a text to the sender of `request` goes: their chat (§9) when known, else their handle. */
function peerOf(request: PairingRequest): PairingPeer {
  const chatId = Number(request.meta.chatId);
  const valid = Number.isInteger(chatId) && chatId > 0;
  return { target: valid ? `chat_id:${chatId}` : request.id, sender: request.meta.sender ?? request.id, senderNormalized: request.id, ...(valid && { chatId }) };
}

/** Watches pending → approved transitions and free slots; one run at a time, re-run when asked meanwhile. */
export class PairingFollowUp {
  /** Requests pending at the last run, by `account\0id`. */
  #pending = new Map<string, PairingRequest>();
  #running: Promise<void> | undefined;
  #again = false;

  constructor(private readonly deps: PairingFollowUpDeps) {}

  /** Remember a request the app just created, so an approval right after it still earns the note. */
  track(request: PairingRequest): void {
    this.#pending.set(`${request.accountId}\0${request.id}`, request);
  }

  /** Check now (coalesced); never rejects: problems go to the activity log. */
  run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#once().catch((err: unknown) => this.deps.activity.append({ accountId: '-', kind: 'pairing', detail: `pairing follow-up failed: ${(err as Error).message}` }));
      } while (this.#again);
    })().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #once(): Promise<void> {
    const { pairing } = this.deps;
    const pending = await pairing.listPending();
    const still = new Set(pending.map((r) => `${r.accountId}\0${r.id}`));
    const notify = this.deps.config().pairing?.notifyApproved !== false;
    for (const [key, request] of this.#pending) {
      if (still.has(key)) continue;
      const rt = this.deps.runtime(request.accountId);
      if (!notify || !rt || !(await pairing.readApproved(request.accountId)).includes(request.id)) continue;
      sendToPairingPeer(rt, peerOf(request), APPROVED_NOTE_TEXT, 'approval note');
      await this.deps.activity.append({ accountId: request.accountId, kind: 'pairing', sender: request.meta.sender ?? request.id, detail: `approved; note sent: "${APPROVED_NOTE_TEXT}"` });
    }
    const promoted = await this.#promote();
    this.#pending = new Map([...pending, ...promoted].map((r) => [`${r.accountId}\0${r.id}`, r]));
    if (promoted.length > 0) this.deps.changed();
  }

  /** Give codes to waiting strangers of running accounts while slots are free. */
  async #promote(): Promise<PairingRequest[]> {
    const out: PairingRequest[] = [];
    const accounts = new Set((await this.deps.pairing.listWaiting()).map((w) => w.accountId));
    for (const accountId of accounts) {
      const rt = this.deps.runtime(accountId);
      if (!rt) continue;
      for (let request = await this.deps.pairing.promoteWaiting(accountId); request; request = await this.deps.pairing.promoteWaiting(accountId)) {
        out.push(request);
        this.deps.pairingCreated(request);
        const silent = rt.account.unpairedResponse === 'silent';
        if (!silent) sendToPairingPeer(rt, peerOf(request), pairingReplyText(request.id, request.code), 'pairing reply');
        const detail = `a slot freed: waiting sender got request ${request.code}; ${silent ? 'silent mode, nothing sent' : 'code sent'}`;
        await this.deps.activity.append({ accountId, kind: 'pairing', sender: request.meta.sender ?? request.id, detail });
      }
    }
    return out;
  }
}
