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

/** The title shown when the icon cannot be: its image failed to load, or macOS did not place the item. */
export const FALLBACK_TITLE = 'imsg';

/** Owns the Tray (a long-lived reference, so it is never garbage collected, §2.2). */
export class TrayController<M> {
  readonly #tray: TrayLike<M>;
  readonly #deps: TrayControllerDeps<M>;
  #bounds: Rect | undefined;
  #look: TrayLook = { icon: 'normal', title: '', tooltip: 'imsg Companion' };
  #noImage = false;
  #notPlaced = false;

  constructor(deps: TrayControllerDeps<M>) {
    this.#deps = deps;
    const image = deps.icon('normal');
    this.#noImage = image.isEmpty();
    this.#tray = deps.createTray(image);
    if (this.#noImage) this.#tray.setTitle(FALLBACK_TITLE);
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

  /** True when the item shows the fallback title because its image or place is missing. */
  get fallback(): boolean {
    return this.#noImage || this.#notPlaced;
  }

  /**
   * After creation: an item macOS did not place has empty bounds. Then show the title (a text
   * item is narrower and more likely to fit); returns whether the item looks placed.
   */
  checkPlaced(): boolean {
    const placed = !isEmptyRect(this.#tray.getBounds());
    if (!placed && !this.#notPlaced) {
      this.#notPlaced = true;
      this.#tray.setTitle(this.#title(this.#look));
    }
    return placed;
  }

  /** Apply a look; only what changed is pushed to the Tray. */
  render(look: TrayLook, force = false): void {
    const before = this.#look;
    const titleBefore = this.#title(before);
    this.#look = look;
    if (force || look.icon !== before.icon) {
      const image = this.#deps.icon(look.icon);
      this.#noImage = image.isEmpty();
      this.#tray.setImage(image);
    }
    if (force || this.#title(look) !== titleBefore) this.#tray.setTitle(this.#title(look));
    if (force || look.tooltip !== before.tooltip) this.#tray.setToolTip(look.tooltip);
  }

  /** Re-apply the current look (the menu bar switched light/dark: `nativeTheme` `updated`). */
  refresh(): void {
    this.render(this.#look, true);
  }

  #title(look: TrayLook): string {
    if (!this.fallback) return look.title;
    return look.title ? `${FALLBACK_TITLE} ${look.title}` : FALLBACK_TITLE;
  }

  #remember(bounds: Rect | undefined): void {
    if (bounds && !isEmptyRect(bounds)) this.#bounds = bounds;
  }
}
