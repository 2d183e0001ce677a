// Test helper: the system's Chromium or Chrome through playwright-core (nothing downloaded),
// confined to 127.0.0.1. Found like `npm test`'s pretest finds it (build/test-deps.mjs).
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
// @ts-expect-error -- plain .mjs build script without type declarations
import { findChromium } from '../../../build/test-deps.mjs';

/** CHROMIUM_PATH, else Debian's chromium, else Google Chrome/Chromium on a Mac. */
export const CHROMIUM_PATH: string = (findChromium as () => string | undefined)() ?? '';

function executablePath(): string {
  if (CHROMIUM_PATH) return CHROMIUM_PATH;
  throw new Error('No Chromium or Chrome found (set CHROMIUM_PATH). Run `node build/test-deps.mjs` for the command that installs one.');
}

/** The popover's size in the tray. */
export const TRAY_VIEWPORT = { width: 380, height: 640 } as const;

/**
 * Launch headless Chromium with background traffic (updates, sync, QUIC) off. Playwright gives
 * every launch a fresh temporary profile and deletes it on close.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    timeout: 20_000,
  });
}

/** A context that can only reach `origin`: any other request is aborted (the UI must not need the network). */
export async function localContext(browser: Browser, origin: string, opts: BrowserContextOptions = {}): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ viewport: TRAY_VIEWPORT, ...opts });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}
