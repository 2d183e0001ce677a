// Sends the approval notes the pairing store says are owed (core/pairing/approval-notes.ts): each
// once, when its account runs, settled only after imsg took it. A failed send keeps the note and
// tries again after a minute; a note found "sending" at start is not sent again (the app stopped
// mid-send, so it may have gone out: never twice), and a note older than a week is dropped.
import { APPROVED_NOTE_TEXT, type ApprovalNote, type PairingStore } from '../pairing/index.js';
import type { AccountRuntime } from './account-runtime.js';
import type { ActivityLog } from './activity-log.js';
import { sendToPairingPeer, storedPeer } from './pairing-flow.js';

/** After this, an approval is too old to announce (the sender has long moved on). */
export const NOTE_MAX_AGE_MS = 7 * 24 * 3600_000;
/** How long a failed note waits before the next try. */
export const NOTE_RETRY_MS = 60_000;
/** How often to look again while a note's account runs but is not watching yet (starting, restarting). */
export const NOTE_WAIT_WATCHING_MS = 3_000;

/** What the sender needs from the companion. */
export interface ApprovalNoteDeps {
  readonly pairing: PairingStore;
  readonly activity: ActivityLog;
  /** `pairing.notifyApproved` (default true). */
  readonly enabled: () => boolean;
  readonly runtime: (accountId: string) => AccountRuntime | undefined;
  /** Ask for another pass later (a failed send). */
  readonly retryLater: (ms: number) => void;
  readonly now?: () => number;
}

/** One pass over the owed notes; sends run on their conversation's lane and settle on their own. */
export class ApprovalNoteSender {
  /** Notes this process is sending now, by `account\0id`. */
  readonly #sending = new Set<string>();

  constructor(private readonly deps: ApprovalNoteDeps) {}

  /** Send (or settle) every owed note that can be handled now; never rejects for one note. */
  async pass(): Promise<void> {
    const { pairing } = this.deps;
    const now = (this.deps.now ?? Date.now)();
    for (const note of await pairing.listOwedNotes()) {
      const key = `${note.accountId}\0${note.id}`;
      if (this.#sending.has(key)) continue;
      const settle = (): Promise<void> => pairing.changeOwedNote(note.accountId, note.id, () => undefined);
      const log = (detail: string): Promise<void> => this.#log(note, detail);
      if (!this.deps.enabled()) {
        await settle();
      } else if (note.sendingSince) {
        await settle();
        await log(`approval note: the app stopped while sending it (${note.sendingSince}); not sent again, so it never arrives twice`);
      } else if (now - Date.parse(note.approvedAt) > NOTE_MAX_AGE_MS) {
        await settle();
        await log(`approval note not sent: approved ${note.approvedAt}, more than 7 days ago, while the app was not running`);
      } else {
        const rt = this.deps.runtime(note.accountId);
        if (!rt) continue; // sent once the account runs (its start runs a pass)
        if (rt.supervisor.health().state !== 'watching') {
          this.deps.retryLater(NOTE_WAIT_WATCHING_MS);
          continue;
        }
        if (!(await pairing.readApproved(note.accountId)).includes(note.id)) {
          await settle(); // approval taken back meanwhile: nothing to announce
          continue;
        }
        await this.#send(rt, note, key);
      }
    }
  }

  async #send(rt: AccountRuntime, note: ApprovalNote, key: string): Promise<void> {
    const { pairing } = this.deps;
    const log = (detail: string): Promise<void> => this.#log(note, detail);
    this.#sending.add(key);
    const since = new Date((this.deps.now ?? Date.now)()).toISOString();
    await pairing.changeOwedNote(note.accountId, note.id, (n) => ({ ...n, sendingSince: since }));
    const failed = async (why: string): Promise<void> => {
      await pairing.changeOwedNote(note.accountId, note.id, ({ sendingSince: _, ...n }) => n).catch(() => undefined);
      this.#sending.delete(key);
      await log(`approval note not sent yet: ${why}; trying again in ${NOTE_RETRY_MS / 1000} s`);
      this.deps.retryLater(NOTE_RETRY_MS);
    };
    const queued = sendToPairingPeer(rt, storedPeer(note.id, note.sender, note.chatId), APPROVED_NOTE_TEXT, 'approval note', async (error) => {
      if (error) return failed(error.message);
      await pairing.changeOwedNote(note.accountId, note.id, () => undefined).catch(() => undefined);
      this.#sending.delete(key);
      await log(`approved; note sent: "${APPROVED_NOTE_TEXT}"`);
    });
    if (!queued) await failed('the reply queue is full');
  }

  async #log(note: ApprovalNote, detail: string): Promise<void> {
    await this.deps.activity.append({ accountId: note.accountId, kind: 'pairing', sender: note.sender, detail });
  }
}
