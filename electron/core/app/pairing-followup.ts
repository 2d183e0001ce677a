// After any change of the pairing files (an approval from the CLI, the tray or a notification), at
// start, and when a failed note is due again: send the approval notes owed (approval-note-sender.ts),
// and give a code to the oldest stranger who waited while the pending cap (3) was reached, now
// that a slot is free. Runs in the app only.
import type { AppConfig } from '../config/schema.js';
import type { PairingRequest, PairingStore } from '../pairing/index.js';
import type { AccountRuntime } from './account-runtime.js';
import type { ActivityLog } from './activity-log.js';
import { ApprovalNoteSender } from './approval-note-sender.js';
import { sendPairingCode, storedPeer } from './pairing-flow.js';

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


/** Runs the follow-up one pass at a time, again when asked meanwhile. */
export class PairingFollowUp {
  #running: Promise<void> | undefined;
  #again = false;
  #retry: { timer: NodeJS.Timeout; due: number } | undefined;
  readonly #notes: ApprovalNoteSender;

  constructor(private readonly deps: PairingFollowUpDeps) {
    this.#notes = new ApprovalNoteSender({
      pairing: deps.pairing,
      activity: deps.activity,
      enabled: () => deps.config().pairing?.notifyApproved !== false,
      runtime: deps.runtime,
      retryLater: (ms) => this.#runIn(ms),
    });
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

  /** No more passes (app stop); a pass under way finishes. */
  stop(): void {
    clearTimeout(this.#retry?.timer);
    this.#retry = undefined;
  }

  /** Run again in `ms` (the earliest of the asked times wins). */
  #runIn(ms: number): void {
    const due = Date.now() + ms;
    if (this.#retry && this.#retry.due <= due) return;
    clearTimeout(this.#retry?.timer);
    const timer = setTimeout(() => {
      this.#retry = undefined;
      void this.run();
    }, ms);
    timer.unref?.();
    this.#retry = { timer, due };
  }

  async #once(): Promise<void> {
    await this.#notes.pass();
    const promoted = await this.#promote();
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
        const what = `a slot freed: waiting sender got request ${request.code}`;
        const log = (detail: string): Promise<unknown> => this.deps.activity.append({ accountId, kind: 'pairing', sender: request.meta.sender ?? request.id, detail });
        if (rt.account.unpairedResponse === 'silent') await log(`${what}; silent mode, nothing sent`);
        else sendPairingCode(rt, storedPeer(request.id, request.meta.sender ?? request.id, request.meta.chatId), request.code, log, what);
      }
    }
    return out;
  }
}
