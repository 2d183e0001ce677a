// Where the popover goes: under (or above) the tray icon, inside the display's work area
// (macos-electron §2.2 "Positioning"; menubar's trayCenter). Pure, so every case is a unit test.

/** A rectangle in screen coordinates (DIPs; may be negative on displays left of/above the primary). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A display as `screen.getAllDisplays()` describes it. */
export interface DisplayArea {
  readonly bounds: Rect;
  readonly workArea: Rect;
}

/** Which edge the menu bar (or taskbar) holding the icon sits on. */
export type MenuBarEdge = 'top' | 'bottom';

/** Inputs of {@link popoverPosition}. */
export interface PopoverInput {
  /** The icon's bounds (click event, cached, or `tray.getBounds()`); all zero when unknown. */
  readonly tray: Rect;
  readonly window: { readonly width: number; readonly height: number };
  /** The work area of the display holding the icon. */
  readonly workArea: Rect;
  readonly edge: MenuBarEdge;
  /** Gap kept from the work area's sides (default 8). */
  readonly margin?: number;
}

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** True when bounds are unknown (macOS reports zeros before the icon is first laid out). */
export function isEmptyRect(r: Rect): boolean {
  return r.width <= 0 || r.height <= 0;
}

/** The display the icon is on: largest overlap, else the nearest centre (Electron's getDisplayMatching rule). */
export function displayMatching<D extends DisplayArea>(rect: Rect, displays: readonly D[]): D | undefined {
  let best: D | undefined;
  let bestScore = -Infinity;
  for (const d of displays) {
    const area = overlap(rect, d.bounds);
    const c = centre(rect);
    const dc = centre(d.bounds);
    // Any overlap beats any distance; among non-overlapping displays the closest wins.
    const score = area > 0 ? area : -Math.hypot(c.x - dc.x, c.y - dc.y);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** The menu bar's edge: the icon is in the upper or the lower half of its display. */
export function menuBarEdge(tray: Rect, display: Rect): MenuBarEdge {
  return centre(tray).y <= display.y + display.height / 2 ? 'top' : 'bottom';
}

// `+ 0` turns -0 into 0 (Math.round(-0.4) is -0).
const round = (value: number): number => Math.round(value) + 0;

const clamp = (value: number, min: number, max: number): number => (max < min ? min : Math.min(Math.max(value, min), max));

/**
 * The window's top-left corner: centred on the icon, clamped into the work area, rounded
 * (menubar: setPosition crashes on fractions). Unknown icon bounds: the work area's top-right.
 */
export function popoverPosition(input: PopoverInput): { x: number; y: number } {
  const { tray, window: win, workArea: area } = input;
  const margin = input.margin ?? 8;
  const minX = area.x + margin;
  const maxX = area.x + area.width - win.width - margin;
  const minY = area.y;
  const maxY = area.y + area.height - win.height;
  if (isEmptyRect(tray)) return { x: round(clamp(maxX, minX, maxX)), y: round(input.edge === 'top' ? minY : clamp(maxY, minY, maxY)) };
  const x = clamp(tray.x + tray.width / 2 - win.width / 2, minX, maxX);
  const y = input.edge === 'top' ? clamp(Math.max(tray.y + tray.height, area.y), minY, maxY) : clamp(Math.min(tray.y, area.y + area.height) - win.height, minY, maxY);
  return { x: round(x), y: round(y) };
}

/** The parts of Electron's `screen` needed to place the popover. */
export interface ScreenLike {
  getAllDisplays(): DisplayArea[];
  getPrimaryDisplay(): DisplayArea;
}

/** Glue for `Popover.position`: pick the icon's display, its menu-bar edge, then {@link popoverPosition}. */
export function placeUnderTray(screen: ScreenLike, tray: Rect, window: { width: number; height: number }): { x: number; y: number } {
  const display = (isEmptyRect(tray) ? undefined : displayMatching(tray, screen.getAllDisplays())) ?? screen.getPrimaryDisplay();
  const edge = isEmptyRect(tray) ? 'top' : menuBarEdge(tray, display.bounds);
  return popoverPosition({ tray, window, workArea: display.workArea, edge });
}
