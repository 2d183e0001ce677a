// @vitest-environment node
// Toggle, show-after-ready, and hide-on-blur with menubar's 100 ms guard.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popover } from '../../electron/main/popover.js';
import { FakeBrowserWindow } from './fake-electron.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function ready() {
  const win = new FakeBrowserWindow({});
  const onShow = vi.fn();
  const popover = new Popover({ window: win, position: () => ({ x: 10, y: 25 }), onShow });
  win.emit('ready-to-show');
  return { win, popover, onShow };
}

describe('Popover', () => {
  it('waits for ready-to-show before the first show, then positions and shows', () => {
    const win = new FakeBrowserWindow({});
    const popover = new Popover({ window: win, position: () => ({ x: 100, y: 25 }) });
    popover.show();
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    expect(win.position).toEqual([100, 25]);
  });

  it('toggles open and closed on successive clicks', () => {
    const { win, popover, onShow } = ready();
    popover.toggle();
    expect(win.visible).toBe(true);
    expect(onShow).toHaveBeenCalledTimes(1);
    popover.toggle();
    expect(win.visible).toBe(false);
  });

  it('hides 100 ms after losing focus', () => {
    const { win, popover } = ready();
    popover.show();
    win.emit('blur');
    vi.advanceTimersByTime(99);
    expect(win.visible).toBe(true);
    vi.advanceTimersByTime(1);
    expect(win.visible).toBe(false);
  });

  it('a click on the icon (which blurs the window first) closes it instead of reopening it', () => {
    const { win, popover } = ready();
    popover.show();
    win.emit('blur'); // clicking the menu bar takes focus away…
    vi.advanceTimersByTime(30);
    popover.toggle(); // …and the click event arrives a few ms later, within the guard
    expect(win.visible).toBe(false);
    vi.advanceTimersByTime(500);
    expect(win.visible).toBe(false);
  });

  it('a show right after a blur cancels the pending hide', () => {
    const { win, popover } = ready();
    popover.show();
    win.emit('blur');
    popover.show();
    vi.advanceTimersByTime(500);
    expect(win.visible).toBe(true);
  });

  it('does nothing once the window is destroyed', () => {
    const { win, popover } = ready();
    win.destroyed = true;
    popover.show();
    popover.toggle();
    expect(win.visible).toBe(false);
    expect(popover.visible).toBe(false);
  });
});
