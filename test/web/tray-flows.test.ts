// Issue 13's flows in real Chromium against `serve --demo --web`: a stranger's card (text, approve,
// Deny & block with Undo), Conversations after 50 mixed messages (one row per inbound message),
// Settings edits that keep the user's file as written, reflow at 200 % zoom and 320 px, a serve
// restart the open page survives, and accessibility snapshot checks.
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { CLI_BIN } from '../helpers/bins.js';
import { launchChromium, localContext, TRAY_VIEWPORT } from './helpers/browser.js';
import { accountHealth, approvedSenders, injectDm, injectGroup, outboxTexts, pendingCodes } from './helpers/demo-cli.js';
import { overflowingElements } from './helpers/layout-checks.js';
import { pollUntil } from './helpers/poll.js';
import { startServe, type ServeProcess } from './helpers/serve-process.js';
import { shot } from './helpers/shots.js';
import { openSection, SECTIONS } from './helpers/tray-page.js';

const FRIEND = '+15550002222';
const STRANGER = '+15551234567';
// The stranger is in the owner's Contacts: imsg (≥ 0.6.0) sends their name as `sender_name`.
const STRANGER_NAME = 'Maria Santos';
const PEST = 'pest@example.com';

let srv: ServeProcess;
let stateDir: string;
let contactsFile: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const watching = () => pollUntil('the account to watch', async () => ((await accountHealth(stateDir)).state === 'watching' ? true : undefined), 20_000, 200);

beforeAll(async () => {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  stateDir = await mkdtemp(join(tmpdir(), 'web-flows-'));
  contactsFile = `${stateDir}-contacts.json`;
  await writeFile(contactsFile, JSON.stringify({ [STRANGER]: STRANGER_NAME }));
  [srv, browser] = await Promise.all([startServe({ stateDir, env: { IMSG_SIM_CONTACTS: contactsFile } }), launchChromium()]);
  await watching();
  const { context } = await localContext(browser, srv.origin, { viewport: TRAY_VIEWPORT });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(srv.url);
}, 45_000);

afterAll(async () => {
  await browser?.close();
  expect(await srv?.stop()).toBe(0);
  await rm(stateDir, { recursive: true, force: true });
  await rm(contactsFile, { force: true });
});

describe('pairing cards', () => {
  it("a stranger's card shows their name, handle and text; Approve pairs them", async () => {
    await injectDm(srv.dbPath, STRANGER, 'Hi! Anna said you could help me plan the trip to Lisbon.');
    await pollUntil('the request', async () => ((await pendingCodes(stateDir)).length === 1 ? true : undefined), 5_000, 100);
    // Opened now, the popover opens where attention is: the new request.
    await page.reload();
    const card = page.getByRole('listitem', { name: `Request from ${STRANGER_NAME}` });
    await card.waitFor({ timeout: 5_000 });
    await expect(page.getByRole('tab', { name: 'Pairing' }).getAttribute('aria-selected')).resolves.toBe('true');
    await card.getByText('Hi! Anna said you could help me plan the trip to Lisbon.').waitFor();
    await card.getByText('Direct message').waitFor();
    await card.getByText(STRANGER, { exact: true }).waitFor();
    const [code] = await pendingCodes(stateDir);
    await expect(card.locator('code').textContent()).resolves.toBe(code);
    await shot(page, 'pairing-card-stranger', true);
    expect(await page.getByRole('main').ariaSnapshot()).toContain(`button "Approve ${STRANGER_NAME}"`);
    await card.getByRole('button', { name: `Approve ${STRANGER_NAME}` }).click();
    await card.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await approvedSenders(stateDir)).toEqual([{ accountId: 'default', sender: STRANGER }]);
  }, 30_000);

  it('Deny & block asks first, then Undo lifts the block (a new message makes a new request)', async () => {
    await injectDm(srv.dbPath, PEST, 'buy cheap watches');
    const card = page.getByRole('listitem', { name: `Request from ${PEST}` });
    await card.waitFor({ timeout: 5_000 });
    await card.getByRole('button', { name: `Deny and block ${PEST}` }).click();
    const confirm = card.getByRole('group', { name: `Confirm blocking ${PEST}` });
    await confirm.waitFor();
    expect(await pendingCodes(stateDir)).toHaveLength(1); // nothing happened before the confirmation
    await confirm.getByRole('button', { name: `Confirm deny and block ${PEST}` }).click();
    const undo = page.getByRole('button', { name: `Undo blocking ${PEST}` });
    await undo.waitFor({ timeout: 5_000 });
    await page.getByRole('list', { name: 'Blocked senders' }).getByText(PEST).waitFor({ timeout: 5_000 });
    await shot(page, 'pairing-undo-block', true);
    await undo.click();
    await undo.waitFor({ state: 'detached', timeout: 5_000 });
    await page.getByText('No one is blocked.').waitFor({ timeout: 5_000 });
    await injectDm(srv.dbPath, PEST, 'hello again');
    await page.getByRole('listitem', { name: `Request from ${PEST}` }).waitFor({ timeout: 5_000 });
  }, 30_000);
});

describe('conversations', () => {
  it('after 50 mixed messages there is exactly one row per inbound message, never our own copies', async () => {
    await execa(process.execPath, [CLI_BIN, 'pairing', 'approve', (await pendingCodes(stateDir))[0] ?? '', '--state-dir', stateDir]);
    const sent: string[] = [];
    for (let i = 0; i < 50; i++) {
      const kind = i % 5;
      const text = `message ${i}`;
      if (kind === 0 || kind === 1) await injectDm(srv.dbPath, STRANGER, text); // approved: answered
      else if (kind === 2) await injectGroup(srv.dbPath, FRIEND, `Book club ${i}`, [FRIEND, STRANGER], `${text} (no mention)`); // dropped
      else if (kind === 3) await injectGroup(srv.dbPath, FRIEND, `Family ${i}`, [FRIEND, STRANGER], `@echo ${text}`); // answered in a group
      else await injectDm(srv.dbPath, `+1555300${String(i).padStart(4, '0')}`, text); // strangers: pairing
      sent.push(text);
    }
    await pollUntil('the group replies', async () => ((await outboxTexts(srv.dbPath)).filter((t) => t.startsWith('echo: @echo message')).length >= 10 ? true : undefined), 30_000, 300);
    const panel = await openSection(page, 'Conversations');
    const rows = panel.getByRole('list', { name: 'Conversations' }).getByRole('listitem');
    // Every inbound "message N" is exactly one row; a reply or its Messages copy ("echo: …") never is.
    const perMessage = async () => {
      const texts = await rows.locator('.message-text').allTextContents();
      return sent.map((t) => texts.filter((x) => x === t || x === `${t} (no mention)` || x === `@echo ${t}`).length);
    };
    await pollUntil('one row per message', async () => ((await perMessage()).every((n) => n === 1) ? true : undefined), 15_000, 300).catch(async (err: Error) => {
      throw new Error(`${err.message}: ${(await perMessage()).join(',')}`);
    });
    await page.waitForTimeout(1_000); // late own copies must not add rows
    expect(await perMessage()).toEqual(sent.map(() => 1));
    expect((await rows.locator('.message-text').allTextContents()).filter((t) => t.startsWith('echo:'))).toEqual([]);
    await panel.getByText('in Family 3').first().waitFor();
    await shot(page, 'conversations-50', true);
    // Skipped: the 10 group messages without a mention (dropped), the 10 strangers (pairing), and the
    // 3 strangers' messages of the pairing tests above; nothing answered.
    await panel.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Skipped', exact: true }).click();
    const skipped = async () => (await rows.allTextContents()).map((t) => /Dropped|Pairing/.test(t) && (/message \d+/.exec(t)?.[0] ?? 'other'));
    await pollUntil('23 skipped rows, 20 of them from the burst', async () => {
      const got = await skipped();
      return got.length === 23 && got.every(Boolean) && got.filter((t) => t !== 'other').length === 20 ? true : undefined;
    }, 5_000, 200).catch(async (err: Error) => {
      throw new Error(`${err.message}: ${(await rows.allTextContents()).join(' | ')}`);
    });
    await panel.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'All', exact: true }).click();
    await panel.getByRole('searchbox', { name: 'Search conversations' }).fill('message 41');
    await pollUntil('one search hit', async () => ((await rows.count()) === 1 ? true : undefined), 5_000, 200);
    await rows.first().getByRole('button').first().click();
    await panel.getByText('Reply sent').waitFor({ timeout: 3_000 });
    await panel.getByRole('button', { name: 'Why?' }).click();
    await panel.getByRole('list', { name: 'Decision trace' }).waitFor();
    await shot(page, 'conversations-expanded');
    await panel.getByRole('searchbox', { name: 'Search conversations' }).fill('');
  }, 150_000);
});

describe('settings', () => {
  it("edits keep the user's file as written: comments and every untouched line stay byte-identical", async () => {
    const path = `${stateDir}/config.json5`;
    const demo = JSON.parse((await readFile(path, 'utf8')).replace(/^\/\/.*\n/, '')) as { channels: { imessage: { cliPath: string; dbPath: string } } };
    const handWritten = [
      '// My imsg Companion config, written by hand',
      '{',
      '  channels: {',
      '    imessage: {',
      `      cliPath: ${JSON.stringify(demo.channels.imessage.cliPath)}, // the simulator`,
      `      dbPath: ${JSON.stringify(demo.channels.imessage.dbPath)},`,
      "      dmPolicy: 'pairing',",
      '      groupPolicy: "open",',
      '      /* every group needs a mention */',
      '      groups: { "*": { requireMention: true } },',
      '    },',
      '  },',
      '  agents: {',
      '    list: [{ id: "echo", name: "Echo", default: true, backend: { type: "echo", prefix: "echo: " } }],',
      '  },',
      '  messages: { groupChat: { mentionPatterns: ["@echo"] } }, // how to call it in groups',
      '}',
      '',
    ].join('\n');
    await writeFile(path, handWritten);
    const patterns = () => page.evaluate(async () => ((await (await fetch('/v1/verb/settings:get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { data: { mentionPatterns?: string[] } }).data.mentionPatterns ?? []);
    await pollUntil('the hand-written file loaded', async () => ((await patterns()).length === 1 ? true : undefined), 5_000, 100);
    await openSection(page, 'Pairing');
    const panel = await openSection(page, 'Settings');
    const allow = panel.getByRole('group', { name: 'Allowed people (allowFrom)' });
    await allow.getByRole('textbox').fill('friend@example.com');
    await allow.getByRole('button', { name: 'Add' }).click();
    await allow.getByText('Saved').waitFor({ timeout: 5_000 });
    const words = panel.getByRole('group', { name: 'Mention words' });
    await words.getByRole('textbox').fill('assistant');
    await words.getByRole('button', { name: 'Add' }).click();
    await words.getByText('Saved').waitFor({ timeout: 5_000 });
    const after = await readFile(path, 'utf8');
    const lost = handWritten.split('\n').filter((l) => !after.split('\n').includes(l));
    expect(lost).toEqual(['  messages: { groupChat: { mentionPatterns: ["@echo"] } }, // how to call it in groups']);
    expect(after).toContain('// how to call it in groups');
    expect(after).toContain('friend@example.com');
    expect(after).toContain('"assistant"');
    await shot(page, 'settings-saved');
  }, 30_000);

  it('a refused value shows the reason next to the field, cleared by the next good save', async () => {
    const panel = await openSection(page, 'Settings');
    const allow = panel.getByRole('group', { name: 'Allowed people (allowFrom)' });
    await allow.getByRole('textbox').fill('not a handle');
    await allow.getByRole('button', { name: 'Add' }).click();
    await allow.getByRole('alert').getByText(/is not a phone number/).waitFor();
    await allow.getByRole('textbox').fill('+15550009999');
    await allow.getByRole('button', { name: 'Add' }).click();
    await allow.getByText('Saved').waitFor({ timeout: 5_000 });
    await expect(allow.getByRole('alert').count()).resolves.toBe(0);
  }, 20_000);

  it('quiet hours: turned on and set in Settings, written in place (comments kept); the page says when they apply now', async () => {
    const path = `${stateDir}/config.json5`;
    const before = await readFile(path, 'utf8');
    const panel = await openSection(page, 'Settings');
    const quiet = panel.getByRole('group', { name: 'Quiet hours' });
    await quiet.getByRole('switch', { name: /Quiet hours/ }).click();
    await quiet.getByText('Saved').waitFor({ timeout: 5_000 });
    // A window from now (serve's local time is this machine's) for an hour: quiet now.
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    const now = new Date();
    const until = hhmm(new Date(now.getTime() + 3600_000));
    await quiet.getByLabel('From').fill(hhmm(now));
    await quiet.getByLabel('until').fill(until);
    await quiet.getByRole('button', { name: 'Save quiet hours' }).click();
    await quiet.getByText(/^Quiet now: notifications are held until /).waitFor({ timeout: 5_000 });
    // Start and end are two writes (each key edited in place): wait for the second.
    const written = new RegExp(`quietHours"?: \\{[^}]*start"?: "${hhmm(now)}"[^}]*end"?: "${until}"`);
    const after = await pollUntil('both times in the file', async () => {
      const text = await readFile(path, 'utf8');
      return written.test(text) ? text : undefined;
    }, 5_000, 100);
    expect(before.split('\n').filter((l) => !after.split('\n').includes(l))).toEqual([]);
    expect(before).toMatch(/\/\/ /); // a comment, kept like every other line
    await quiet.scrollIntoViewIfNeeded();
    await shot(page, 'settings-quiet-hours', true);
  }, 20_000);
});

describe('reflow', () => {
  for (const [label, viewport, scale] of [
    ['200% zoom of the popover', { width: 190, height: 320 }, 2],
    ['320 CSS px', { width: 320, height: 640 }, 1],
  ] as const) {
    it.each(['light', 'dark'] as const)(`${label} (%s): no tab scrolls sideways`, async (colorScheme) => {
      const { context } = await localContext(browser, srv.origin, { viewport, deviceScaleFactor: scale, colorScheme });
      try {
        const p = await context.newPage();
        await p.goto(srv.url);
        for (const title of SECTIONS) {
          await openSection(p, title);
          await p.waitForTimeout(300);
          const widths = await p.evaluate<{ scroll: number; client: number }>('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
          expect(widths.scroll, `${title}: ${(await overflowingElements(p)).join('; ')}`).toBeLessThanOrEqual(widths.client);
          if (scale === 2) await shot(p, `zoom200-${title.toLowerCase()}-${colorScheme}`, title === 'Pairing' && colorScheme === 'light');
        }
      } finally {
        await context.close();
      }
    }, 40_000);
  }
});

describe('wide and dark', () => {
  it('renders the sections in a wide dark window', async () => {
    const { context } = await localContext(browser, srv.origin, { viewport: { width: 1100, height: 760 }, colorScheme: 'dark' });
    try {
      const p = await context.newPage();
      await p.goto(srv.url);
      for (const title of ['Pairing', 'Conversations', 'Settings'] as const) {
        await openSection(p, title);
        await p.waitForTimeout(300);
        await shot(p, `wide-dark-${title.toLowerCase()}`, title === 'Conversations');
      }
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('serve restart', () => {
  it('while serve is down the header says so and actions are disabled; after the restart the same page works again', async () => {
    await openSection(page, 'Pairing');
    expect(await srv.stop()).toBe(0);
    await page.getByRole('banner').getByText(/Not connected to imsg Companion/).waitFor({ timeout: 10_000 });
    const approve = page.getByRole('button', { name: /^Approve / }).first();
    if ((await approve.count()) > 0) expect(await approve.isDisabled()).toBe(true);
    await expect(page.getByRole('button', { name: 'Pause answering' }).isDisabled()).resolves.toBe(true);
    await shot(page, 'restart-disconnected', true);
    srv = await startServe({ stateDir, demo: false });
    expect(srv.origin).toBe(new URL(page.url()).origin); // same port, same token: the old page's cookie still works
    await page.getByRole('banner').getByText(/Not connected/).waitFor({ state: 'detached', timeout: 20_000 });
    await watching();
    const panel = await openSection(page, 'Conversations');
    await panel.getByRole('list', { name: 'Conversations' }).waitFor({ timeout: 5_000 });
    await injectDm(srv.dbPath, STRANGER, 'after the restart');
    await panel.getByText('after the restart').waitFor({ timeout: 10_000 });
    expect(pageErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|net::/.test(e))).toEqual([]);
  }, 60_000);
});
