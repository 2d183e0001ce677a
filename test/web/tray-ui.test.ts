// End to end in real Chromium: `serve --demo --web` as a process, the tray UI over the web
// transport, the simulator as imsg. Pairing from the UI, supervisor restarts, the 401 page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, localContext } from './helpers/browser.js';
import { accountHealth, approvedSenders, injectDm, outboxTexts, pendingCodes } from './helpers/demo-cli.js';
import { pollUntil } from './helpers/poll.js';
import { startServe, type ServeProcess } from './helpers/serve-process.js';
import { openSection } from './helpers/tray-page.js';

const STRANGER = '+15551234567';

let srv: ServeProcess;
let browser: Browser;
let page: Page;
let blocked: readonly string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  [srv, browser] = await Promise.all([startServe(), launchChromium()]);
  const local = await localContext(browser, srv.origin);
  blocked = local.blocked; // filled as requests happen
  page = await local.context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => void (msg.type() === 'error' && pageErrors.push(msg.text())));
  await page.goto(srv.url);
}, 40_000);

afterAll(async () => {
  await browser?.close();
  // A clean SIGTERM shutdown (replies finished, imsg stopped) exits 0.
  expect(await srv?.stop()).toBe(0);
});

describe('tray UI over serve --web', () => {
  it('trades the token for a cookie: the address bar shows / without it', () => {
    expect(new URL(page.url()).pathname).toBe('/');
    expect(page.url()).not.toContain('token');
  });

  it('an unknown DM shows up under Pairing within 2 s; Approve pairs the sender and the agent answers', async () => {
    // A message written before imsg watches would be skipped (the cursor starts at the newest row).
    await (await openSection(page, 'Accounts')).getByText('Watching', { exact: true }).waitFor({ timeout: 15_000 });
    const panel = await openSection(page, 'Pairing');
    await injectDm(srv.dbPath, STRANGER, 'hello');
    const name = `Approve ${STRANGER}`;
    const approve = panel.getByRole('button', { name, exact: true });
    await approve.waitFor({ state: 'visible', timeout: 2_000 });
    const request = panel.getByRole('listitem', { name: `Request from ${STRANGER}` });
    await request.waitFor({ timeout: 1_000 });
    const codes = await pendingCodes(srv.stateDir);
    expect(codes).toHaveLength(1);
    await expect(request.locator('code').textContent()).resolves.toBe(codes[0]);
    await approve.click();
    // The row first reads "Approved — updating…", then leaves with the next snapshot.
    await request.waitFor({ state: 'detached', timeout: 3_000 });
    await expect(panel.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
    expect(await approvedSenders(srv.stateDir)).toEqual([{ accountId: 'default', sender: STRANGER }]);
    await injectDm(srv.dbPath, STRANGER, 'are you there?');
    await pollUntil('the echo reply in the outbox', async () => ((await outboxTexts(srv.dbPath)).includes('echo: are you there?') ? true : undefined), 8_000, 200);
    // The first message came before the approval: it got a pairing reply, never an agent answer.
    expect(await outboxTexts(srv.dbPath)).not.toContain('echo: hello');
  }, 30_000);

  it('a killed simulator shows Restarting (backoff) under Accounts, then Watching again', async () => {
    const panel = await openSection(page, 'Accounts');
    await panel.getByText('Watching', { exact: true }).waitFor({ timeout: 5_000 });
    const before = await accountHealth(srv.stateDir);
    expect(before.state).toBe('watching');
    // Never signal pid 0 (our own process group) on a missing pid.
    if (!before.pid || before.pid <= 1) throw new Error(`status --json gave no imsg pid: ${JSON.stringify(before)}`);
    process.kill(before.pid, 'SIGKILL');
    await panel.getByText(/^Restarting (in \d|now)/).waitFor({ timeout: 3_000 });
    await panel.getByText('Watching', { exact: true }).waitFor({ timeout: 15_000 });
    await expect(panel.locator('dt:text-is("Restarts") + dd').textContent()).resolves.toBe('1');
    const after = await accountHealth(srv.stateDir);
    expect(after.state).toBe('watching');
    expect(after.pid).not.toBe(before.pid);
  }, 30_000);

  it('Pause in the header stops answering; a message sent meanwhile is answered after Resume', async () => {
    const header = page.getByRole('banner');
    await header.getByRole('button', { name: 'Pause answering' }).click();
    await header.getByText('Paused: no messages are being answered').waitFor({ timeout: 5_000 });
    await pollUntil('the account to stop', async () => ((await accountHealth(srv.stateDir)).state === 'stopped' ? true : undefined), 5_000, 100);
    await injectDm(srv.dbPath, STRANGER, 'sent while paused');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await outboxTexts(srv.dbPath)).not.toContain('echo: sent while paused');
    await header.getByRole('button', { name: 'Resume answering' }).click();
    await pollUntil('the paused message answered', async () => ((await outboxTexts(srv.dbPath)).includes('echo: sent while paused') ? true : undefined), 15_000, 200);
    await (await openSection(page, 'Accounts')).getByText('Watching', { exact: true }).waitFor({ timeout: 5_000 });
    expect((await outboxTexts(srv.dbPath)).filter((t) => t === 'echo: sent while paused')).toHaveLength(1);
  }, 40_000);

  it('a fresh browser context without the token sees the 401 page', async () => {
    const { context } = await localContext(browser, srv.origin);
    try {
      const fresh = await context.newPage();
      const res = await fresh.goto(`${srv.origin}/`);
      expect(res?.status()).toBe(401);
      await fresh.getByText('imsg-companion serve --web').waitFor({ timeout: 2_000 });
      const api = await fresh.evaluate(async () => (await fetch('/v1/verb/status:get', { method: 'POST', body: '{}' })).status);
      expect(api).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('the UI made no off-origin request and threw no error', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
