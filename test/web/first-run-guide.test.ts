// The first-run guide in real Chromium, from an empty state dir (no config at all) to a real reply:
// test message to yourself → agent preset "My webhook" pointed at a local mock agent → Test agent →
// "Anyone" (writes the "*") → a text from "your phone" → the guide shows it answered.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSON5 from 'json5';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { SIM_BIN } from '../helpers/bins.js';
import { simEnv } from '../sim/sim-process.js';
import { launchChromium, localContext, TRAY_VIEWPORT } from './helpers/browser.js';
import { injectDm, outboxTexts } from './helpers/demo-cli.js';
import { pollUntil } from './helpers/poll.js';
import { startServe, type ServeProcess } from './helpers/serve-process.js';
import { shot } from './helpers/shots.js';

let home: string;
let agent: Server;
let stateDir: string;
let dbPath: string;
let srv: ServeProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'guide-home-'));
  stateDir = join(home, 'state');
  const bin = join(home, 'bin');
  await mkdir(join(home, 'Library/Messages'), { recursive: true });
  await mkdir(bin);
  // `imsg` on PATH is the simulator, reading "your" Messages database under the fake HOME.
  dbPath = join(home, 'Library/Messages/chat.db');
  await execa(process.execPath, [SIM_BIN, 'init', '--db', dbPath], { env: simEnv(), extendEnv: false });
  await writeFile(join(bin, 'imsg'), `#!/bin/sh\nexec "${process.execPath}" "${SIM_BIN}" "$@"\n`);
  await chmod(join(bin, 'imsg'), 0o755);
  // The "agent": a local webhook that answers every message the same way (the web UI may not set a
  // command agent: a program to run is a privileged key, refused from the browser).
  agent = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ reply: 'Hi, this is your assistant.' }));
    });
  });
  await new Promise<void>((r) => agent.listen(0, '127.0.0.1', () => r()));
  [srv, browser] = await Promise.all([
    startServe({ demo: false, stateDir, env: { HOME: home, PATH: `${bin}:${process.env.PATH ?? ''}` } }),
    launchChromium(),
  ]);
  const { context } = await localContext(browser, srv.origin, { viewport: TRAY_VIEWPORT });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(srv.url);
}, 45_000);

afterAll(async () => {
  await browser?.close();
  expect(await srv?.stop()).toBe(0);
  await rm(home, { recursive: true, force: true });
  await new Promise((r) => agent?.close(r));
});

const step = (name: RegExp) => page.getByRole('listitem', { name }).first();

interface Written {
  channels?: { imessage?: { dmPolicy?: string; allowFrom?: string[] } };
  agents?: { list?: Array<{ backend?: { url?: string } }> };
}
const readConfig = async (): Promise<Written> => JSON5.parse(await readFile(join(stateDir, 'config.json5'), 'utf8').catch(() => '{}')) as Written;

describe('first-run guide', () => {
  it('opens by itself on an empty state dir, with every step to do', async () => {
    await page.getByRole('heading', { name: 'Set up imsg Companion' }).waitFor({ timeout: 10_000 });
    await step(/Choose who answers/).getByText('To do').waitFor();
    await shot(page, 'guide-01-empty', true);
    const aria = await page.locator('body').ariaSnapshot();
    expect(aria).toContain('heading "Set up imsg Companion"');
    expect(aria).toContain('button "Send a test message to myself"');
  });

  it('before any settings file (setup mode) the test message waits for an agent choice', async () => {
    const s3 = step(/Allow sending/);
    await s3.getByText('Available once the settings file exists (choose an agent below).').waitFor({ timeout: 5_000 });
    expect(await s3.getByRole('button', { name: 'Send a test message to myself' }).isDisabled()).toBe(true);
  });

  it('a preset writes the agent, its URL is edited in place, and "Test agent" shows its reply', async () => {
    const s4 = step(/Choose who answers/);
    // A webhook preset holds no privileged key (unlike a command agent's argv): the web UI may write it.
    await s4.getByRole('button', { name: 'My webhook' }).click();
    const url = s4.getByRole('textbox', { name: 'Webhook URL' });
    await url.waitFor({ timeout: 10_000 });
    expect((await readConfig()).agents?.list?.[0]?.backend?.url).toBe('http://127.0.0.1:8787/reply');
    // Point it at the mock agent, from the card.
    const agentUrl = `http://127.0.0.1:${(agent.address() as AddressInfo).port}/reply`;
    await url.fill(agentUrl);
    await s4.getByRole('button', { name: 'Save Webhook URL' }).click();
    await pollUntil('the agent URL in the file', async () => ((await readConfig()).agents?.list?.[0]?.backend?.url === agentUrl ? true : undefined), 5_000, 100);
    expect(await s4.getByRole('alert').count()).toBe(0);
    await s4.getByRole('button', { name: 'Test agent main' }).click();
    await s4.getByText(/The agent answered in .*Hi, this is your assistant\./).waitFor({ timeout: 15_000 });
    await shot(page, 'guide-02-agent-tested', true);
  }, 30_000);

  it('"Send a test message to myself" sends through imsg', async () => {
    const s3 = step(/Allow sending/);
    await s3.getByRole('textbox', { name: 'Your own phone number or Apple ID email' }).fill('+15550000001');
    await pollUntil('the send button enabled', async () => ((await s3.getByRole('button', { name: 'Send a test message to myself' }).isEnabled()) ? true : undefined), 10_000, 100);
    await s3.getByRole('button', { name: 'Send a test message to myself' }).click();
    await s3.getByText('Sent to +15550000001').waitFor({ timeout: 10_000 });
    expect(await outboxTexts(dbPath)).toContain('Test from imsg Companion: sending works.');
  }, 20_000);

  it('"Anyone" writes a valid config with the "*" for you', async () => {
    const s5 = step(/Who may talk/);
    await s5.getByRole('radio', { name: /Anyone/ }).check();
    await s5.getByRole('button', { name: 'Save choice' }).click();
    await pollUntil('dmPolicy "open" in the file', async () => ((await readConfig()).channels?.imessage?.dmPolicy === 'open' ? true : undefined), 5_000, 100);
    expect((await readConfig()).channels?.imessage?.allowFrom).toEqual(['*']);
    await s5.getByText('Saved').waitFor({ timeout: 5_000 });
  }, 20_000);

  it('a text from "your phone" is answered and the guide says it works', async () => {
    await injectDm(dbPath, '+15557770000', 'hello from my phone');
    const s6 = step(/Text this Mac/);
    await s6.getByText(/It works/).waitFor({ timeout: 20_000 });
    await pollUntil('the agent reply in the outbox', async () => ((await outboxTexts(dbPath)).includes('Hi, this is your assistant.') ? true : undefined), 5_000, 200);
    await s6.scrollIntoViewIfNeeded();
    await shot(page, 'guide-03-it-works', true);
    expect(pageErrors).toEqual([]);
  }, 30_000);
});
