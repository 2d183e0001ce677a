// Test helper: layout facts measured in the page (what a screenshot shows, as assertions).
import type { Page } from 'playwright-core';

// The page's globals, typed only as far as these checks use them (the Node tsconfig has no DOM lib).
interface Box {
  left: number;
  right: number;
  width: number;
  height: number;
}
interface El {
  tagName: string;
  className: unknown;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): Box;
  querySelectorAll(selector: string): ArrayLike<El>;
}
declare const document: { documentElement: El; body: El; fonts: { ready: Promise<unknown> } };
declare function getComputedStyle(el: El): { visibility: string; overflowX: string; textOverflow: string; backgroundColor: string };

/**
 * Visible elements that stick out of the viewport sideways, or whose own content is wider than
 * their box (clipped or scrolled text), as `tag.class "text" (why)` lines; [] when all fits.
 */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways (${document.documentElement.scrollWidth}px > ${width}px)`);
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // sr-only text is a 1×1 clipped box on purpose.
      if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden') continue;
      const label = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      if (r.right > width + 1 || r.left < -1) out.push(`${label} (x ${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
      else if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && style.overflowX !== 'visible' && style.textOverflow !== 'ellipsis') out.push(`${label} (content ${el.scrollWidth}px in ${el.clientWidth}px, overflow-x ${style.overflowX})`);
    }
    return out;
  });
}

/** The page background (body, else html) and its relative luminance 0 (black) … 1 (white). */
export function pageBackground(page: Page): Promise<{ css: string; luminance: number }> {
  return page.evaluate(() => {
    const pick = (el: El): string => getComputedStyle(el).backgroundColor;
    let css = pick(document.body);
    if (css === 'rgba(0, 0, 0, 0)' || css === 'transparent') css = pick(document.documentElement);
    const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
    const lin = (c: number): number => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return { css, luminance: 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) };
  });
}

/** Resolves once the page's web fonts are loaded (so screenshots do not catch a fallback font). */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
