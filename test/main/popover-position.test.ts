// @vitest-environment node
// Where the popover goes, for top and bottom menu bars and several displays (negative coordinates).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DisplayArea, displayMatching, menuBarEdge, placeUnderTray, popoverPosition } from '../../electron/main/popover-position.js';

const WIN = { width: 380, height: 560 };
const MAIN: DisplayArea = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const LEFT: DisplayArea = { bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, workArea: { x: -1920, y: 25, width: 1920, height: 1055 } };
const ABOVE: DisplayArea = { bounds: { x: 0, y: -1080, width: 1920, height: 1080 }, workArea: { x: 0, y: -1055, width: 1920, height: 1055 } };
const icon = (x: number, y = 0) => ({ x, y, width: 24, height: 24 });

describe('popoverPosition', () => {
  it('centres the window under the icon, just below the menu bar', () => {
    expect(popoverPosition({ tray: icon(1200), window: WIN, workArea: MAIN.workArea, edge: 'top' })).toEqual({ x: 1022, y: 25 });
  });

  it('clamps at the right edge of the work area, keeping the margin', () => {
    expect(popoverPosition({ tray: icon(1410), window: WIN, workArea: MAIN.workArea, edge: 'top' })).toEqual({ x: 1440 - 380 - 8, y: 25 });
    expect(popoverPosition({ tray: icon(1410), window: WIN, workArea: MAIN.workArea, edge: 'top', margin: 0 })).toEqual({ x: 1060, y: 25 });
  });

  it('clamps at the left edge', () => {
    expect(popoverPosition({ tray: icon(4), window: WIN, workArea: MAIN.workArea, edge: 'top' })).toEqual({ x: 8, y: 25 });
  });

  it('works in negative coordinates on a display to the left of the primary', () => {
    expect(popoverPosition({ tray: icon(-300), window: WIN, workArea: LEFT.workArea, edge: 'top' })).toEqual({ x: -478, y: 25 });
    // Far left of that display: clamped to its own edge, not the primary's.
    expect(popoverPosition({ tray: icon(-1915), window: WIN, workArea: LEFT.workArea, edge: 'top' })).toEqual({ x: -1912, y: 25 });
  });

  it('works on a display above the primary (negative y)', () => {
    expect(popoverPosition({ tray: icon(900, -1080), window: WIN, workArea: ABOVE.workArea, edge: 'top' })).toEqual({ x: 722, y: -1055 });
  });

  it('opens upwards from a bottom bar, above the icon and inside the work area', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(popoverPosition({ tray: icon(1700, 1048), window: WIN, workArea, edge: 'bottom' })).toEqual({ x: 1522, y: 480 });
  });

  it('rounds fractional bounds (setPosition crashes on fractions)', () => {
    const pos = popoverPosition({ tray: { x: 1200.3, y: 0.4, width: 21.7, height: 23.6 }, window: WIN, workArea: { x: 0.5, y: 24.6, width: 1439.5, height: 875 }, edge: 'top' });
    expect(pos).toEqual({ x: 1021, y: 25 });
  });

  it('falls back to the top-right of the work area when the icon bounds are unknown', () => {
    expect(popoverPosition({ tray: { x: 0, y: 0, width: 0, height: 0 }, window: WIN, workArea: MAIN.workArea, edge: 'top' })).toEqual({ x: 1052, y: 25 });
  });

  it('pins a window taller than the work area to its top', () => {
    expect(popoverPosition({ tray: icon(700), window: { width: 380, height: 2000 }, workArea: MAIN.workArea, edge: 'top' })).toEqual({ x: 522, y: 25 });
  });

  it('always lands on integers inside the work area when the window fits', () => {
    const rect = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -3000, max: 3000 }), width: fc.integer({ min: 800, max: 4000 }), height: fc.integer({ min: 700, max: 3000 }) });
    fc.assert(
      fc.property(rect, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('top' as const, 'bottom' as const), (area, at, edge) => {
        const tray = { x: area.x + at * (area.width - 24), y: edge === 'top' ? area.y - 24 : area.y + area.height, width: 24, height: 24 };
        const { x, y } = popoverPosition({ tray, window: WIN, workArea: area, edge });
        expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(area.x);
        expect(x + WIN.width).toBeLessThanOrEqual(area.x + area.width);
        expect(y).toBeGreaterThanOrEqual(area.y);
        expect(y + WIN.height).toBeLessThanOrEqual(area.y + area.height);
      }),
    );
  });
});

describe('display choice', () => {
  it('picks the display holding the icon, the largest overlap, else the nearest', () => {
    const displays = [MAIN, LEFT, ABOVE];
    expect(displayMatching(icon(-300), displays)).toBe(LEFT);
    expect(displayMatching(icon(1200), displays)).toBe(MAIN);
    expect(displayMatching(icon(900, -1080), displays)).toBe(ABOVE);
    // Straddling the seam between LEFT and MAIN, mostly on MAIN.
    expect(displayMatching({ x: -5, y: 0, width: 24, height: 24 }, displays)).toBe(MAIN);
    // Off every display: the nearest one.
    expect(displayMatching(icon(-2500), displays)).toBe(LEFT);
    expect(displayMatching(icon(0), [])).toBeUndefined();
  });

  it('tells a top menu bar from a bottom taskbar', () => {
    expect(menuBarEdge(icon(100, 0), MAIN.bounds)).toBe('top');
    expect(menuBarEdge(icon(100, 876), MAIN.bounds)).toBe('bottom');
    expect(menuBarEdge(icon(100, -1080), ABOVE.bounds)).toBe('top');
  });

  it('placeUnderTray uses the work area of the display the icon is on', () => {
    const screen = { getAllDisplays: () => [MAIN, LEFT], getPrimaryDisplay: () => MAIN };
    expect(placeUnderTray(screen, icon(-300), WIN)).toEqual({ x: -478, y: 25 });
    expect(placeUnderTray(screen, icon(1410), WIN)).toEqual({ x: 1052, y: 25 });
    expect(placeUnderTray(screen, { x: 0, y: 0, width: 0, height: 0 }, WIN)).toEqual({ x: 1052, y: 25 });
  });
});
