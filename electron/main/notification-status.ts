// Whether macOS notifications work for this app, for the snapshot's `platform.notifications`
// (the tray shows a problem). Unsigned builds get none at all: macOS delivers notifications only
// for signed apps (Electron's Notification docs), so none are created and the UI says why.
import type { PlatformView } from '../contract/permissions.js';

type View = NonNullable<PlatformView['notifications']>;

/** The text shown for an unsigned (development) build. */
export const UNSIGNED_PROBLEM = 'This is an unsigned development build: macOS shows no notifications for it. New pairing requests and problems appear here in the menu bar instead.';

/** Tracks the state; `onChange` pushes a new snapshot. */
export class NotificationStatus {
  #view: View;

  constructor(
    readonly deliverable: boolean,
    private readonly onChange: () => void = () => undefined,
    supported = true,
  ) {
    this.#view = !supported ? { ok: false, problem: 'Notifications are not supported on this system.' } : deliverable ? { ok: true } : { ok: false, problem: UNSIGNED_PROBLEM };
  }

  /** The view for the snapshot. */
  view(): View {
    return this.#view;
  }

  /** A `failed` event: macOS refused to show one. */
  failed(error: string): void {
    this.#set({ ok: false, problem: `macOS did not show a notification (${error.slice(0, 200)}). Check System Settings → Notifications → imsg Companion.` });
  }

  /** A notification was shown: notifications work (again). */
  shown(): void {
    if (this.deliverable) this.#set({ ok: true });
  }

  #set(view: View): void {
    if (view.ok === this.#view.ok && view.problem === this.#view.problem) return;
    this.#view = view;
    this.onChange();
  }
}
