// Replies that wait, through the real CLI against the simulator and a local mock agent (openai):
// a down agent while 20 messages from 3 chats arrive (status says failing and how many wait),
// then every message is answered once and in order per chat — also when serve is SIGKILLed while
// they wait; imsg killed between the agent's answer and the send; a 401 fails at once; a short
// deadline gives up ("not answered") and `replies retry` answers it once.
import { afterEach, expect, it } from 'vitest';
import type { MessageView } from '../../electron/contract/views.js';
import { type MockAgent, mockAgents, startMockAgent } from '../core/replies/mock-agent.js';
import { type OutboxRow, until, World } from './serve-harness.js';

const CHANNEL = { dmPolicy: 'open', allowFrom: ['*'], groupPolicy: 'open', groups: { '*': { requireMention: false } } };
let world: World | undefined;
let agent: MockAgent | undefined;

afterEach(async () => {
  await agent?.close();
  await world?.dispose();
  world = undefined;
  agent = undefined;
});

/** Start a world whose only agent is the mock (down or up), retrying at most every `maxSeconds`. */
async function setup(opts: { down?: boolean; deadlineMinutes?: number; maxSeconds?: number } = {}): Promise<World> {
  agent = await startMockAgent();
  if (opts.down) await agent.down();
  world = await World.create(CHANNEL, { agents: mockAgents(agent.baseUrl, { replyRetryMaxSeconds: opts.maxSeconds ?? 1, ...(opts.deadlineMinutes !== undefined && { replyDeadlineMinutes: opts.deadlineMinutes }) }) });
  return world;
}

/** 20 messages: 7 and 7 from two people, 6 in a group of three; returns each text with its chat. */
function injectTwenty(w: World): Array<{ text: string; chat: number }> {
  const sent: Array<{ text: string; chat: number }> = [];
  let group: number | undefined;
  for (let i = 0; i < 20; i++) {
    const text = `msg ${String(i).padStart(2, '0')}`;
    if (i % 3 === 2) {
      const r = group === undefined ? w.inject({ from: '+15557770003', text, groupName: 'Trio', participants: ['+15557770003', '+15557770004'] }) : w.inject({ from: '+15557770004', text, chatId: group });
      group = r.chat_id;
      sent.push({ text, chat: r.chat_id });
    } else {
      const r = w.inject({ from: i % 3 === 0 ? '+15557770001' : '+15557770002', text });
      sent.push({ text, chat: r.chat_id });
    }
  }
  return sent;
}

/** Every inbound text answered exactly once, and per chat in the order the messages came. */
async function expectAnsweredOnceInOrder(w: World, sent: ReadonlyArray<{ text: string; chat: number }>): Promise<void> {
  await until(() => w.sentCount() >= sent.length, `${sent.length} replies`, 60_000, 200).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would show now
  const rows: OutboxRow[] = await w.outbox();
  const answered = (t: string) => rows.filter((r) => r.text.includes(t));
  expect(sent.map((s) => [s.text, answered(s.text).length])).toEqual(sent.map((s) => [s.text, 1]));
  expect(rows).toHaveLength(sent.length);
  for (const chat of new Set(sent.map((s) => s.chat))) {
    const mine = sent.filter((s) => s.chat === chat).map((s) => s.text);
    const order = rows.filter((r) => r.chat_id === chat).sort((a, b) => a.id - b.id).map((r) => mine.find((t) => r.text.includes(t)));
    expect(order).toEqual(mine);
  }
}

/** `status --json` of the running app. */
async function status(w: World): Promise<{ overall: string; agents: Array<{ agentId: string; health?: { state: string; waiting: number; cause?: string } }>; replies?: { waiting: number; notAnswered: number } }> {
  return JSON.parse((await w.cli(['status', '--json'])).stdout);
}

it('a down agent: 20 messages from 3 chats wait (status says failing, 20 waiting), then each is answered once, in order', { timeout: 120_000 }, async () => {
  const w = await setup({ down: true });
  const serve = await w.serve();
  const sent = injectTwenty(w);
  await until(async () => (await status(w)).replies?.waiting === 20, '20 replies waiting', 30_000, 200);
  const s = await status(w);
  expect(s.agents[0]?.health).toMatchObject({ state: 'failing', waiting: 20 });
  expect(s.overall).toMatch(/^20 replies waiting: agent main cannot reach http:\/\/127\.0\.0\.1:\d+/);
  const text = (await w.cli(['status'])).stdout;
  expect(text).toMatch(/agent main \(openai, default\): failing since .*; 20 replies waiting/);
  const doctor = JSON.parse((await w.cli(['doctor', '--json'])).stdout) as { ok: boolean; checks: Array<{ name: string; ok: boolean; detail: string }> };
  expect(doctor.checks.find((c) => c.name === 'agent main (running app)')).toMatchObject({ ok: false, detail: expect.stringMatching(/^failing since .*cannot reach.*; 20 replies waiting$/) });
  await new Promise((r) => setTimeout(r, 3000)); // down for a while longer
  expect(w.sentCount()).toBe(0);
  await agent?.up();
  await expectAnsweredOnceInOrder(w, sent);
  const after = await status(w);
  expect(after.replies).toEqual({ waiting: 0, notAnswered: 0 });
  expect(after.agents[0]?.health?.state).toBe('ok');
  // One row per message, each "sent" with its full reply; the group's Messages copies are linked, not rows.
  const list = JSON.parse((await w.cli(['replies', 'list', '--all', '--json'])).stdout) as { messages: MessageView[] };
  const mine = list.messages.filter((m) => sent.some((x) => x.text === m.text));
  expect(mine.map((m) => m.status)).toEqual(Array(20).fill('sent'));
  expect(mine.every((m) => m.replies.length === 1 && m.replies[0]?.includes(m.text))).toBe(true);
  expect(list.messages.filter((m) => m.status === 'dropped' && m.reason === 'missing sender')).toEqual([]);
  expect((await serve.stop('SIGTERM')).exitCode).toBe(0);
});

it('serve SIGKILLed while 20 replies wait: after the restart each is answered exactly once, in order', { timeout: 120_000 }, async () => {
  const w = await setup({ down: true });
  const serve = await w.serve();
  const sent = injectTwenty(w);
  await until(async () => (await status(w)).replies?.waiting === 20, '20 replies waiting', 30_000, 200);
  await serve.stop('SIGKILL');
  await agent?.up();
  const again = await w.serve();
  await expectAnsweredOnceInOrder(w, sent);
  expect((await again.stop('SIGTERM')).exitCode).toBe(0);
});

it('imsg killed between the answer and the send: the reply goes out after the restart, once', { timeout: 90_000 }, async () => {
  const w = await setup();
  const serve = await w.serve();
  const a = agent as MockAgent;
  let killed = 0;
  a.beforeAnswer = async () => {
    if (killed++ > 0) return;
    const pid = (await w.snapshot())?.accounts[0]?.health.pid;
    if (pid !== undefined) process.kill(pid, 'SIGKILL');
    await until(async () => (await w.snapshot())?.accounts[0]?.health.pid !== pid, 'the kill to be noticed');
  };
  w.inject({ from: '+15557770009', text: 'killed in between' });
  await until(() => w.sentCount() >= 1, 'the reply', 60_000, 200);
  await new Promise((r) => setTimeout(r, 1500));
  const rows = await w.outbox();
  expect(rows.map((r) => r.text)).toEqual([expect.stringMatching(/^re: .*killed in between/)]);
  expect(killed).toBe(1);
  expect((await serve.stop('SIGTERM')).exitCode).toBe(0);
});

it('a 401 fails at once with the cause; a short deadline gives up, and `replies retry` answers once', { timeout: 90_000 }, async () => {
  const w = await setup({ deadlineMinutes: 0.05, maxSeconds: 0.5 });
  const a = agent as MockAgent;
  a.respond({ kind: 'status', status: 401 });
  const serve = await w.serve();
  w.inject({ from: '+15557770011', text: 'unauthorized' });
  const list = async () => (JSON.parse((await w.cli(['replies', 'list', '--json'])).stdout) as { messages: MessageView[] }).messages;
  const refused = await until(async () => (await list()).find((m) => m.text === 'unauthorized' && m.status === 'not-answered'), 'the 401 to be not answered', 15_000, 200);
  expect(refused.cause).toMatch(/answered HTTP 401/);
  expect(a.calls()).toBe(1);
  expect((await status(w)).overall).toMatch(/^1 message not answered/);
  expect((await w.cli(['replies', 'dismiss', refused.id])).exitCode).toBe(0);

  await a.down();
  a.respond({ kind: 'ok' });
  w.inject({ from: '+15557770012', text: 'past the deadline' });
  const late = await until(async () => (await list()).find((m) => m.text === 'past the deadline' && m.status === 'not-answered'), 'the deadline to pass', 30_000, 300);
  expect(late.cause).toMatch(/cannot reach/);
  expect(w.sentCount()).toBe(0);
  await a.up();
  const retry = await w.cli(['replies', 'retry', late.id]);
  expect(retry).toMatchObject({ exitCode: 0 });
  await until(() => w.sentCount() >= 1, 'the retried reply', 30_000, 200);
  await new Promise((r) => setTimeout(r, 1500));
  expect((await w.outbox()).map((r) => r.text)).toEqual([expect.stringMatching(/^re: .*past the deadline/)]);
  expect((await list()).filter((m) => m.status === 'not-answered')).toEqual([]);
  expect((await serve.stop('SIGTERM')).exitCode).toBe(0);
});
