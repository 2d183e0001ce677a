// The menu-bar icon: left click toggles the popover, right click pops up the menu, the look
// follows the snapshot. Takes the Tray from a factory (Signal's createTrayInstance) for tests.
import type { NativeImage } from 'electron';
import { isEmptyRect, type Rect } from './popover-position.js';
import type { TrayIconState, TrayLook } from './tray-state.js';

/** The parts of an Electron Tray used here (`M` is Electron's Menu; tests use a stand-in). */
export interface TrayLike<M> {
  on(event: 'click' | 'right-click', listener: (event: unknown, bounds: Rect) => void): unknown;
  setImage(image: NativeImage): void;
  setTitle(title: string): void;
  setToolTip(tip: string): void;
  setIgnoreDoubleClickEvents(ignore: boolean): void;
  popUpContextMenu(menu: M): void;
  getBounds(): Rect;
}

/** Inputs of {@link TrayController}. */
export interface TrayControllerDeps<M> {
  readonly createTray: (image: NativeImage) => TrayLike<M>;
  readonly icon: (state: TrayIconState) => NativeImage;
  /** Builds the context menu at pop-up time, so checkmarks are current. */
  readonly menu: () => M;
  readonly toggle: () => void;
}

/** Owns the Tray (a long-lived reference, so it is never garbage collected, §2.2). */
export class TrayController<M> {
  readonly #tray: TrayLike<M>;
  readonly #deps: TrayControllerDeps<M>;
  #bounds: Rect | undefined;
  #look: TrayLook = { icon: 'normal', title: '', tooltip: 'imsg Companion' };

  constructor(deps: TrayControllerDeps<M>) {
    this.#deps = deps;
    this.#tray = deps.createTray(deps.icon('normal'));
    this.#tray.setIgnoreDoubleClickEvents(true);
    this.#tray.setToolTip(this.#look.tooltip);
    this.#tray.on('click', (_event, bounds) => {
      this.#remember(bounds);
      deps.toggle();
    });
    this.#tray.on('right-click', (_event, bounds) => {
      this.#remember(bounds);
      this.#tray.popUpContextMenu(deps.menu());
    });
  }

  /** The icon's bounds: the last click's, else the Tray's own (cached for keyboard/second-instance opens). */
  bounds(): Rect {
    if (this.#bounds) return this.#bounds;
    const now = this.#tray.getBounds();
    if (!isEmptyRect(now)) this.#bounds = now;
    return now;
  }

  /** Apply a look; only what changed is pushed to the Tray. */
  render(look: TrayLook, force = false): void {
    const before = this.#look;
    this.#look = look;
    if (force || look.icon !== before.icon) this.#tray.setImage(this.#deps.icon(look.icon));
    if (force || look.title !== before.title) this.#tray.setTitle(look.title);
    if (force || look.tooltip !== before.tooltip) this.#tray.setToolTip(look.tooltip);
  }

  /** Re-apply the current look (the menu bar switched light/dark: `nativeTheme` `updated`). */
  refresh(): void {
    this.render(this.#look, true);
  }

  #remember(bounds: Rect | undefined): void {
    if (bounds && !isEmptyRect(bounds)) this.#bounds = bounds;
  }
}
