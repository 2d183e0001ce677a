// The shell's notifications: whether they can work (signed macOS app), the Notifier wired to the
// core's verbs and the popover, failures reported for the snapshot, and actions re-attached to
// what an earlier run left in Notification Center.
import type { VerbResult } from '../contract/channels.js';
import type { ElectronApi, Log } from './electron-api.js';
import type { NotificationStatus } from './notification-status.js';
import { type DeliveredNotification, Notifier, type NotifierDeps } from './notifier.js';

/** The notifications of a running shell; `enabled` is false when none are created (unsigned). */
export interface AppNotifications {
  readonly notifier: Notifier;
  readonly enabled: boolean;
}

/** Inputs of {@link startNotifications}. */
export interface AppNotificationsOptions {
  /** Whether they can work (its `deliverable`), and where failures go. */
  readonly status: NotificationStatus;
  readonly decide: (verb: 'pairing:approve' | 'pairing:deny', input: { code: string; accountId?: string }) => Promise<VerbResult<unknown>>;
  readonly open: NotifierDeps['open'];
  readonly log: Log;
}

/** Build the notifier; restores delivered pairing notifications when enabled. */
export function startNotifications(e: Pick<ElectronApi, 'Notification'>, opts: AppNotificationsOptions): AppNotifications {
  const { status } = opts;
  const notifier = new Notifier({
    create: (options) => new e.Notification(options),
    decide: opts.decide,
    open: opts.open,
    onFailed: (error) => {
      opts.log('warn', `a notification was not shown: ${error}`);
      status.failed(error);
    },
    onShown: () => status.shown(),
  });
  // Unsigned builds get no notifications from macOS: create none (the tray and Settings say why).
  const enabled = status.deliverable && e.Notification.isSupported();
  if (enabled && 'getHistory' in e.Notification) {
    void (e.Notification.getHistory() as Promise<DeliveredNotification[]>).then(
      (delivered) => notifier.restore(delivered),
      (err: unknown) => opts.log('warn', `could not read delivered notifications: ${String(err)}`),
    );
  }
  return { notifier, enabled };
}
