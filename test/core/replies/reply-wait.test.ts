// Replies that wait: a down agent delays replies (in order per chat), a permanent failure or the
// deadline makes a message "not answered" (errorReply once), Retry answers it once, and waiting
// replies survive a restart of the companion.
import { afterEach, describe, expect, it } from 'vitest';
import { listMessages, retryReply, dismissReply } from '../../../electron/core/replies/reply-control.js';
import { channel, cleanup, startApp, until, type AppFixture } from '../app/app-fixture.js';
import { type MockAgent, mockAgents, startMockAgent } from './mock-agent.js';

const OPEN = channel({ dmPolicy: 'open', allowFrom: ['*'], groupPolicy: 'open' });
let agents: MockAgent[] = [];

afterEach(async () => {
  for (const a of agents) await a.close();
  agents = [];
  await cleanup();
});

async function mock(): Promise<MockAgent> {
  const agent = await startMockAgent();
  agents.push(agent);
  return agent;
}

/** How often each reply text was sent. */
function counts(fx: AppFixture): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of fx.imsg.texts()) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** The texts sent to `handle`, in send order. */
const sentTo = (fx: AppFixture, handle: string): string[] => fx.imsg.sends.filter((s) => JSON.stringify(s.params).includes(handle)).map((s) => String(s.params.text));

describe('replies that wait', () => {
  it('a down agent: replies wait (status says why and how many), then all go out once, in order per chat', async () => {
    const agent = await mock();
    await agent.down();
    const fx = await startApp({ channels: { imessage: OPEN }, agents: mockAgents(agent.baseUrl, { replyRetryMaxSeconds: 0.3 }) });
    const senders = ['+15550000001', '+15550000002'];
    for (let i = 0; i < 6; i++) fx.imsg.inject({ from: senders[i % 2] as string, text: `wait ${i}` });
    await until(async () => (await fx.app.snapshot()).replies?.waiting === 6, 'six replies waiting', 10_000);
    const snap = await fx.app.snapshot();
    expect(snap.overall.level).toBe('warning');
    expect(snap.overall.text).toMatch(/^6 replies waiting: agent main cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
    expect(snap.agents.list[0]?.health).toMatchObject({ state: 'failing', waiting: 6 });
    expect(snap.agents.list[0]?.health?.nextRetryAt).toBeDefined();
    expect(listMessages(fx.app.replyDeps(), { group: 'attention' }).map((m) => m.status).sort()).toEqual(Array(6).fill('waiting'));
    expect(fx.imsg.sends).toEqual([]);

    await agent.up();
    await until(() => fx.imsg.sends.length >= 6, 'six replies', 10_000);
    await new Promise((r) => setTimeout(r, 500)); // a double would show now
    expect([...counts(fx).values()].every((n) => n === 1)).toBe(true);
    for (const [k, sender] of senders.entries()) {
      const order = sentTo(fx, sender).map((t) => Number(/wait (\d)/.exec(t)?.[1]));
      expect(order).toEqual([0, 2, 4].map((i) => i + k));
    }
    await until(() => fx.app.journal.size === 0, 'the journal to empty');
    const after = await fx.app.snapshot();
    expect(after.replies).toEqual({ waiting: 0, notAnswered: 0 });
    expect(after.agents.list[0]?.health?.state).toBe('ok');
    expect(after.overall.level).toBe('ok');
    expect(listMessages(fx.app.replyDeps()).map((m) => m.status)).toEqual(Array(6).fill('sent'));
  });

  it('a 401 is not waited out: not answered at once with the cause, errorReply sent once', async () => {
    const agent = await mock();
    agent.respond({ kind: 'status', status: 401 });
    const fx = await startApp({ channels: { imessage: OPEN }, agents: mockAgents(agent.baseUrl, { replyRetryMaxSeconds: 0.3 }, { errorReply: 'Sorry, the assistant is unavailable.' }) });
    const m = fx.imsg.inject({ from: '+15550000003', text: 'hello' });
    const failed = await fx.activity((e) => e.outcome === 'not-answered' && e.guid === m.guid, 5000);
    expect(failed.cause).toMatch(/answered HTTP 401: mock status 401/);
    expect(agent.calls()).toBe(1);
    expect(fx.imsg.texts()).toEqual(['Sorry, the assistant is unavailable.']);
    const [row] = listMessages(fx.app.replyDeps());
    expect(row).toMatchObject({ id: `default:${m.guid}`, status: 'not-answered', text: 'hello' });
    expect((await fx.app.snapshot()).overall).toEqual({ level: 'error', text: '1 message not answered: retry or dismiss (imsg-companion replies list)' });
    await dismissReply(fx.app.replyDeps(), `default:${m.guid}`);
    expect(fx.app.journal.size).toBe(0);
    expect(listMessages(fx.app.replyDeps())[0]?.status).toBe('dismissed');
  });

  it('past the deadline a waiting reply is not answered (errorReply once); Retry after the agent is back answers it once', async () => {
    const agent = await mock();
    await agent.down();
    const fx = await startApp({ channels: { imessage: OPEN }, agents: mockAgents(agent.baseUrl, { replyDeadlineMinutes: 0.02, replyRetryMaxSeconds: 0.2 }, { errorReply: 'Sorry, no answer this time.' }) });
    const m = fx.imsg.inject({ from: '+15550000004', text: 'are you there' });
    const failed = await fx.activity((e) => e.outcome === 'not-answered' && e.guid === m.guid, 10_000);
    expect(failed.cause).toMatch(/cannot reach/);
    expect(fx.imsg.texts()).toEqual(['Sorry, no answer this time.']);
    const id = `default:${m.guid}`;
    expect(fx.app.journal.get(id)?.failed?.cause).toMatch(/cannot reach/);

    await agent.up();
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.calls()).toBe(0); // nothing retries a message that was given up
    const retried = await retryReply(fx.app.replyDeps(), id);
    expect(retried.id).toBe(id);
    await until(() => fx.imsg.sends.length === 2, 'the answer', 10_000);
    await until(() => fx.app.journal.size === 0, 'the journal to empty');
    await new Promise((r) => setTimeout(r, 300));
    expect(fx.imsg.texts().slice(1)).toHaveLength(1);
    expect(fx.imsg.texts()[1]).toMatch(/^re: .*are you there/);
    expect(listMessages(fx.app.replyDeps()).find((r) => r.id === id)).toMatchObject({ status: 'sent' });
    // The errorReply went out once: a second failure after a Retry would not repeat it.
    expect(fx.imsg.texts().filter((t) => t.startsWith('Sorry'))).toHaveLength(1);
  });

  it('the message row follows its reply: asking while the agent works, then sent with the full reply', async () => {
    const agent = await mock();
    let release: () => void = () => undefined;
    const working = new Promise<void>((r) => (release = r));
    agent.beforeAnswer = () => working;
    const fx = await startApp({ channels: { imessage: OPEN }, agents: mockAgents(agent.baseUrl) });
    const m = fx.imsg.inject({ from: '+15550000007', text: 'think hard' });
    const id = `default:${m.guid}`;
    const row = () => listMessages(fx.app.replyDeps()).find((r) => r.id === id);
    await until(() => row()?.status === 'asking', 'the row to say asking');
    expect(row()).toMatchObject({ agentId: 'main', text: 'think hard', replies: [] });
    release();
    await until(() => row()?.status === 'sent', 'the row to say sent');
    expect(row()?.replies).toEqual([expect.stringMatching(/^re: .*think hard/)]);
    expect(row()?.events?.map((e) => e.text)).toEqual(['received; to be answered', '1 message sent to imessage:+15550000007']);
  });

  it('imsg down when the answer is ready: the reply waits for imsg (status says so), then goes out once', async () => {
    const agent = await mock();
    const fx = await startApp({ channels: { imessage: OPEN }, agents: mockAgents(agent.baseUrl) });
    const supervisor = fx.app.runtime('default')?.supervisor;
    agent.beforeAnswer = () => supervisor?.stop();
    const m = fx.imsg.inject({ from: '+15550000008', text: 'send me later' });
    await fx.activity((e) => e.outcome === 'waiting' && e.guid === m.guid);
    const snap = await fx.app.snapshot();
    expect(snap.overall.text).toMatch(/^1 reply waiting: imsg for account default is stopped/);
    expect(snap.agents.list[0]?.health).toMatchObject({ state: 'ok', waiting: 0 });
    expect(fx.imsg.sends).toEqual([]);
    agent.beforeAnswer = undefined;
    supervisor?.start();
    await until(() => fx.imsg.sends.length === 1, 'the reply after imsg is back', 10_000);
    await until(() => fx.app.journal.size === 0, 'the journal to empty');
    await new Promise((r) => setTimeout(r, 300));
    expect(fx.imsg.texts()).toEqual([expect.stringMatching(/^re: .*send me later/)]);
    expect(agent.calls()).toBe(1); // the recorded reply is sent, the agent is not asked again
  });

  it("honours the agent's Retry-After on a 429", async () => {
    const agent = await mock();
    agent.respond({ kind: 'status', status: 429, retryAfter: '2' });
    const fx = await startApp({ channels: { imessage: OPEN }, agents: mockAgents(agent.baseUrl, { replyRetryMaxSeconds: 0.2 }) });
    fx.imsg.inject({ from: '+15550000005', text: 'rate me' });
    await until(async () => (await fx.app.snapshot()).replies?.waiting === 1, 'the reply to wait', 5000);
    const health = fx.app.health.get('main');
    expect(health?.state).toBe('failing');
    expect((health?.nextRetryAt ?? 0) - (health?.checkedAt ?? 0)).toBe(2000);
    agent.respond({ kind: 'ok' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(fx.imsg.sends).toHaveLength(0); // not before the 2 s it asked for
    await until(() => fx.imsg.sends.length === 1, 'the reply', 5000);
  });

  it('waiting replies survive a restart of the companion and are answered once', async () => {
    const agent = await mock();
    await agent.down();
    const config = { channels: { imessage: OPEN }, agents: mockAgents(agent.baseUrl, { replyRetryMaxSeconds: 0.3 }) };
    const first = await startApp(config);
    for (let i = 0; i < 3; i++) first.imsg.inject({ from: '+15550000006', text: `restart ${i}` });
    await until(async () => (await first.app.snapshot()).replies?.waiting === 3, 'three replies waiting', 10_000);
    await first.stop({ keepDir: true });
    await agent.up();
    const second = await startApp(config, { dir: first.dir });
    await until(() => second.imsg.sends.length >= 3, 'three replies', 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(second.imsg.texts().map((t) => /restart (\d)/.exec(t)?.[1])).toEqual(['0', '1', '2']);
    await until(() => second.app.journal.size === 0, 'the journal to empty');
  });
});
