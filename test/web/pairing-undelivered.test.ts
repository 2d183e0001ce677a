// In real Chromium against `serve --demo --web` whose imsg cannot send (Automation denied, -1743):
// a stranger's request is recorded, its code is not claimed as sent, and the card says the code
// has not reached them yet, while the header and Permissions name the permission problem that caused it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, localContext, TRAY_VIEWPORT } from './helpers/browser.js';
import { injectDm, pendingCodes } from './helpers/demo-cli.js';
import { pollUntil } from './helpers/poll.js';
import { startServe, type ServeProcess } from './helpers/serve-process.js';
import { shot } from './helpers/shots.js';

const STRANGER = '+15551237777';
let srv: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startServe({ env: { IMSG_SIM_AUTOMATION: 'denied' } }), launchChromium()]);
}, 45_000);

afterAll(async () => {
  await browser?.close();
  expect(await srv?.stop()).toBe(0);
});

it('a code imsg could not send: the card says it has not reached them yet', async () => {
  await injectDm(srv.dbPath, STRANGER, 'Hello, is this the assistant?');
  await pollUntil('the request', async () => ((await pendingCodes(srv.stateDir)).length === 1 ? true : undefined), 10_000, 100);
  const { context } = await localContext(browser, srv.origin, { viewport: TRAY_VIEWPORT });
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.getByRole('tab', { name: 'Pairing' }).click();
  const card = page.getByRole('listitem', { name: `Request from ${STRANGER}` });
  const note = card.getByRole('note');
  await note.waitFor({ timeout: 10_000 });
  expect(await note.textContent()).toBe('The code has not reached them yet (imsg could not send it). It goes out when they write again; you can approve them now anyway.');
  await shot(page, 'pairing-code-undelivered', true);
  // The header names the cause; Permissions shows imsg's verdict with the steps, not "not applicable".
  await page.getByText("default: macOS doesn't allow imsg Companion to control the Messages app, so replies can't be sent.").waitFor();
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await page.getByText(/^Sending failed: macOS doesn't allow .+ to control Messages\.$/).waitFor({ timeout: 5_000 });
  await shot(page, 'permissions-automation-refused');
  await context.close();
}, 40_000);
