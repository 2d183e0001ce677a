// Screenshots of every tray section, light and dark, at the popover size, from a demo with real
// traffic (an answered sender, a pending stranger); also checks nothing spills out of the popover.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { CLI_BIN, ROOT } from '../helpers/bins.js';
import { launchChromium, localContext, TRAY_VIEWPORT } from './helpers/browser.js';
import { accountHealth, injectDm, outboxTexts, pendingCodes } from './helpers/demo-cli.js';
import { pollUntil } from './helpers/poll.js';
import { startServe, type ServeProcess } from './helpers/serve-process.js';
import { openSection, SECTIONS, type SectionTitle } from './helpers/tray-page.js';
import { fontsReady, overflowingElements, pageBackground } from './helpers/layout-checks.js';

const SHOTS = resolve(ROOT, 'test-results/screenshots');
const FRIEND = '+15550002222';
const STRANGER = '+15551234567';

let srv: ServeProcess;
let browser: Browser;

/** Approve the pending request of `sender` with the CLI, as a user in a terminal would. */
async function approveWithCli(sender: string): Promise<void> {
  const [code] = await pollUntil(`a pending request from ${sender}`, async () => {
    const codes = await pendingCodes(srv.stateDir);
    return codes.length > 0 ? codes : undefined;
  }, 5_000);
  await execa(process.execPath, [CLI_BIN, 'pairing', 'approve', code ?? '', '--state-dir', srv.stateDir]);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [srv, browser] = await Promise.all([startServe(), launchChromium()]);
  await pollUntil('the account to watch', async () => ((await accountHealth(srv.stateDir)).state === 'watching' ? true : undefined), 15_000, 200);
  // An answered conversation (Activity traces), then a stranger left pending (Pairing).
  await injectDm(srv.dbPath, FRIEND, 'hi there');
  await approveWithCli(FRIEND);
  await injectDm(srv.dbPath, FRIEND, 'what is on my calendar today?');
  await pollUntil('the echo reply', async () => ((await outboxTexts(srv.dbPath)).some((t) => t.startsWith('echo: what is')) ? true : undefined), 8_000, 200);
  await injectDm(srv.dbPath, STRANGER, 'hello, who is this?');
  await pollUntil('the stranger\'s request', async () => ((await pendingCodes(srv.stateDir)).length === 1 ? true : undefined), 5_000);
}, 45_000);

afterAll(async () => {
  await browser?.close();
  expect(await srv?.stop()).toBe(0);
});

/** Bring a section into the state its screenshot should show. */
async function prepare(page: Page, title: SectionTitle): Promise<void> {
  const panel = await openSection(page, title);
  if (title === 'Pairing') await panel.getByRole('button', { name: `Approve ${STRANGER}` }).waitFor({ timeout: 5_000 });
  if (title === 'Accounts') await panel.getByText('Watching', { exact: true }).waitFor({ timeout: 5_000 });
  if (title === 'Conversations') {
    const answered = panel.locator('button[aria-expanded]', { hasText: 'Answered' }).first();
    await answered.waitFor({ timeout: 5_000 });
    await answered.click();
    await panel.locator('button[aria-expanded="true"]').waitFor({ timeout: 2_000 });
  }
  if (title === 'Settings' || title === 'Permissions') await panel.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 5_000 });
}

describe('tray screenshots (380×640)', () => {
  it.each(['light', 'dark'] as const)('%s: every section renders inside the popover', async (colorScheme) => {
    const { context, blocked } = await localContext(browser, srv.origin, { colorScheme, viewport: TRAY_VIEWPORT });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(srv.url);
      const background = await pageBackground(page);
      // Dark means a dark page: a light-only stylesheet would fail here.
      if (colorScheme === 'dark') expect(background.luminance, background.css).toBeLessThan(0.2);
      else expect(background.luminance, background.css).toBeGreaterThan(0.8);
      for (const title of SECTIONS) {
        await prepare(page, title);
        await fontsReady(page);
        await page.screenshot({ path: resolve(SHOTS, `${title.toLowerCase()}-${colorScheme}.png`), animations: 'disabled' });
        expect(await overflowingElements(page), `${title} (${colorScheme}) spills out of the popover`).toEqual([]);
      }
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);
});
