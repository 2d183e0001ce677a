// macOS notifications: a new pairing request with Approve / Deny actions, and the notices of
// snapshotNotices. Clicking one opens the popover on the matching section. A notification macOS
// refuses (`failed`) is reported, so the tray can say notifications do not work; pairing
// notifications left in Notification Center by an earlier run get their actions back
// (`Notification.getHistory()`), so Approve/Deny there still work after a relaunch. During quiet
// hours (the snapshot's `notifications.quiet`) nothing is shown; one summary follows their end.
import type { NotificationConstructorOptions } from 'electron';
import type { EventPayload, VerbResult } from '../contract/channels.js';
import { type HeldNotices, heldKey, isQuiet, noneHeld, quietSummary, quietWindowStart } from '../contract/quiet-summary.js';
import type { PairingRequestView, Snapshot } from '../contract/views.js';
import { snapshotNotices } from './notices.js';

/** A popover section main can open (the `ui:navigate` payload). */
export type UiSection = EventPayload<'ui:navigate'>['section'];

/** The parts of an Electron Notification used here. */
export interface NotificationLike {
  on(event: 'action', listener: (details: { actionIndex: number }) => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  on(event: 'click' | 'close' | 'show', listener: () => void): unknown;
  show(): void;
}

/** A notification from `Notification.getHistory()` (its `id` survives the relaunch). */
export interface DeliveredNotification extends NotificationLike {
  readonly id: string;
}

/** Inputs of {@link Notifier}. */
export interface NotifierDeps {
  readonly create: (options: NotificationConstructorOptions) => NotificationLike;
  /** Run a pairing verb (through the same validation as IPC). */
  readonly decide: (verb: 'pairing:approve' | 'pairing:deny', input: { code: string; accountId?: string }) => Promise<VerbResult<unknown>>;
  /** Show the popover on `section`. */
  readonly open: (section: UiSection) => void;
  /** macOS refused a notification (e.g. the user turned them off for the app). */
  readonly onFailed?: (error: string) => void;
  /** A notification was shown (clears an earlier failure). */
  readonly onShown?: () => void;
}

/** The order of the pairing notification's buttons (macOS shows more than one under "Options"). */
export const PAIRING_ACTIONS = ['Approve', 'Deny'] as const;

/** The id of a pairing request's notification: `pairing:<accountId>:<code>`. */
export const pairingNoteId = (accountId: string, code: string): string => `pairing:${accountId}:${code}`;

const PAIRING_ID = /^pairing:([^:]+):([A-Za-z0-9]{1,64})$/;

/** Shows notifications and routes their clicks and actions. */
export class Notifier {
  readonly #deps: NotifierDeps;
  // Electron drops a notification's events once it is garbage collected: keep each until closed.
  readonly #live = new Set<NotificationLike>();
  #last: Snapshot | undefined;
  #held: HeldNotices = noneHeld();

  constructor(deps: NotifierDeps) {
    this.#deps = deps;
  }

  /** A new pairing request: Approve / Deny call the verbs with its code; a click opens Pairing. */
  pairingRequest(request: PairingRequestView): void {
    // Quiet hours: the tray still shows it; the summary at their end names it if still pending.
    if (isQuiet(this.#last)) {
      this.#held.pairing.add(heldKey(request));
      return;
    }
    const sender = request.contactName ?? request.meta.sender ?? 'Someone';
    const note = this.#show({
      id: pairingNoteId(request.accountId, request.code),
      title: 'New pairing request',
      body: `${sender} wants to talk to your assistant (code ${request.code}, account ${request.accountId}).`,
      actions: PAIRING_ACTIONS.map((text) => ({ type: 'button' as const, text })),
    });
    this.#routePairing(note, request.accountId, request.code);
  }

  /**
   * Re-attach the actions of pairing notifications an earlier run left in Notification Center.
   * Returns how many were re-attached. Others (notices) only need their click: it opens the popover.
   */
  restore(delivered: readonly DeliveredNotification[]): number {
    let count = 0;
    for (const note of delivered) {
      this.#keep(note);
      const m = PAIRING_ID.exec(note.id);
      if (m) {
        this.#routePairing(note, m[1] as string, m[2] as string);
        count++;
      } else note.on('click', () => this.#deps.open('accounts'));
    }
    return count;
  }

  /** Compare with the previous snapshot and notify what newly went wrong. */
  snapshot(next: Snapshot): void {
    const notices = snapshotNotices(this.#last, next);
    const before = this.#last?.notifications;
    this.#last = next;
    if (isQuiet(next)) {
      this.#held.problems += notices.length;
      return;
    }
    const summary = quietSummary(this.#held, next, quietWindowStart(before));
    this.#held = noneHeld();
    if (summary) this.#show({ id: 'quiet-summary', title: summary.title, body: summary.body }).on('click', () => this.#deps.open(summary.section));
    for (const notice of notices) {
      const note = this.#show({ id: notice.id, title: notice.title, body: notice.body });
      note.on('click', () => this.#deps.open(notice.section));
    }
  }

  #routePairing(note: NotificationLike, accountId: string, code: string): void {
    note.on('click', () => this.#deps.open('pairing'));
    note.on('action', ({ actionIndex }) => {
      const verb = actionIndex === 0 ? 'pairing:approve' : actionIndex === 1 ? 'pairing:deny' : undefined;
      if (!verb) return;
      void this.#deps.decide(verb, { code, ...(verb === 'pairing:approve' ? { accountId } : {}) }).then((result) => {
        // Expired or already handled elsewhere: show the list so the user sees what happened.
        if (!result.ok) this.#deps.open('pairing');
      });
    });
  }

  #keep(note: NotificationLike): void {
    this.#live.add(note);
    const forget = (): void => void this.#live.delete(note);
    note.on('close', forget);
    note.on('click', forget);
    note.on('action', forget);
  }

  #show(options: NotificationConstructorOptions): NotificationLike {
    const note = this.#deps.create(options);
    this.#keep(note);
    note.on('failed', (_event, error) => {
      this.#live.delete(note);
      this.#deps.onFailed?.(String(error));
    });
    note.on('show', () => this.#deps.onShown?.());
    note.show();
    return note;
  }
}
