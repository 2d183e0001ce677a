// Show/hide/toggle the popover under the tray icon, hiding on blur with menubar's 100 ms guard:
// a click on the icon blurs the window first, so an immediate hide would make that same click
// reopen it. Delaying the hide lets the click see a visible window and close it (max-mapper/menubar).

/** The parts of a BrowserWindow the popover drives. */
export interface PopoverWindow {
  isDestroyed(): boolean;
  isVisible(): boolean;
  show(): void;
  hide(): void;
  focus(): void;
  setPosition(x: number, y: number): void;
  on(event: 'blur', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

/** Inputs of {@link Popover}. */
export interface PopoverDeps {
  readonly window: PopoverWindow;
  /** Where to put the window now (tray bounds are read at call time). */
  readonly position: () => { x: number; y: number };
  /** Called after every show (e.g. to refresh permissions, §3.6 "Re-check on popover show"). */
  readonly onShow?: () => void;
  readonly blurGuardMs?: number;
}

/** The popover's visibility state machine. */
export class Popover {
  readonly #deps: PopoverDeps;
  #ready = false;
  #showWhenReady = false;
  #blurTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: PopoverDeps) {
    this.#deps = deps;
    deps.window.once('ready-to-show', () => {
      this.#ready = true;
      if (this.#showWhenReady) this.show();
    });
    deps.window.on('blur', () => {
      clearTimeout(this.#blurTimer);
      this.#blurTimer = setTimeout(() => this.hide(), deps.blurGuardMs ?? 100);
    });
  }

  /** Whether the window is on screen. */
  get visible(): boolean {
    return !this.#deps.window.isDestroyed() && this.#deps.window.isVisible();
  }

  /** Tray click: close when open (including the blur that click caused), else open. */
  toggle(): void {
    clearTimeout(this.#blurTimer);
    if (this.visible) this.hide();
    else this.show();
  }

  /** Position under the icon, show and focus (after the first paint, `ready-to-show`). */
  show(): void {
    clearTimeout(this.#blurTimer);
    const win = this.#deps.window;
    if (win.isDestroyed()) return;
    if (!this.#ready) {
      this.#showWhenReady = true;
      return;
    }
    this.#showWhenReady = false;
    const { x, y } = this.#deps.position();
    win.setPosition(x, y);
    win.show();
    win.focus();
    this.#deps.onShow?.();
  }

  /** Hide (the window and its renderer stay alive for the next open). */
  hide(): void {
    clearTimeout(this.#blurTimer);
    this.#showWhenReady = false;
    if (!this.#deps.window.isDestroyed()) this.#deps.window.hide();
  }
}
