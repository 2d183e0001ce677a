// End to end through the real CLI and the simulator: pairing, approval, groups, chunking, no loops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OutboxRow, type ServeProcess, until, World } from './serve-harness.js';

const STRANGER = '+15551230001';
const FRIEND = '+15551230002';

let world: World;
let serve: ServeProcess;
/** Outbox rows the tests below expect, in order; checked exactly at the end (no extra replies). */
const expected: Array<{ chat_id: number; text: string | RegExp }> = [];

beforeAll(async () => {
  world = await World.create(
    { dmPolicy: 'pairing', groupPolicy: 'open', groups: { '*': { requireMention: true } } },
    { messages: { groupChat: { mentionPatterns: ['@echo'] } } },
  );
  serve = await world.serve();
}, 60_000);

afterAll(async () => {
  await world?.dispose();
});

/** Wait for the outbox to hold `n` rows and return them. */
async function outboxOf(n: number): Promise<OutboxRow[]> {
  await until(() => world.sentCount() >= n, `${n} outgoing rows`, 20_000);
  return world.outbox();
}

describe('serve over imsg-sim (echo agent)', () => {
  let code = '';

  it('an unknown sender gets the pairing reply with a code, in their chat', async () => {
    const m = world.inject({ from: STRANGER, text: 'hello, anyone there?' });
    const [row] = await outboxOf(1);
    code = /pairing approve ([A-Z0-9]{8})$/.exec(row?.text ?? '')?.[1] ?? '';
    expect(code).not.toBe('');
    // iMessage shows plain text: no Markdown fences, and the code exactly once.
    expect(row?.text).not.toContain('`');
    expect((row?.text ?? '').split(code)).toHaveLength(2);
    expect(row).toMatchObject({ chat_id: m.chat_id, is_group: false });
    expect(row?.text).toContain(`Your iMessage sender id: ${STRANGER}`);
    expect(row?.text).toContain(`imsg-companion pairing approve ${code}`);
    expected.push({ chat_id: m.chat_id, text: /^imsg Companion: access not configured\./ });
  });

  it('`imsg-companion pairing approve CODE` → the next message from them is answered by the agent', async () => {
    const approve = await world.cli(['pairing', 'approve', code]);
    expect(approve.exitCode).toBe(0);
    expect(approve.stdout).toContain(`Approved ${STRANGER}`);
    // The running app notices the approval (the CLI wrote it) and sends the short note.
    const [, note] = await outboxOf(2);
    expect(note?.text).toBe("You're approved — send a message to start.");
    expected.push({ chat_id: note?.chat_id ?? -1, text: "You're approved — send a message to start." });
    const m = world.inject({ from: STRANGER, text: 'thanks, now talk to me' });
    expect(note?.chat_id).toBe(m.chat_id);
    const rows = await outboxOf(3);
    expect(rows[2]).toMatchObject({ chat_id: m.chat_id, text: 'thanks, now talk to me' });
    expected.push({ chat_id: m.chat_id, text: 'thanks, now talk to me' });
  });

  it('a group message without a mention gets no reply; with a mention the reply goes to the group', async () => {
    const quiet = world.inject({ from: FRIEND, groupName: 'Friends', participants: [FRIEND, STRANGER], text: 'just chatting among ourselves' });
    const loud = world.inject({ from: FRIEND, chatId: quiet.chat_id, text: '@echo are you listening?' });
    const rows = await outboxOf(4);
    expect(rows[3]).toMatchObject({ chat_id: loud.chat_id, is_group: true, text: '@echo are you listening?' });
    expected.push({ chat_id: loud.chat_id, text: '@echo are you listening?' });
  });

  it('a 9,000-character message comes back as 3 chunks, in order, none over 4,000 characters', async () => {
    // 1,500 five-letter words and 1,499 spaces, plus one final character: exactly 9,000.
    const text = `${Array.from({ length: 1500 }, (_, i) => `w${String(i).padStart(4, '0')}`).join(' ')}!`;
    expect(text).toHaveLength(9000);
    const m = world.inject({ from: STRANGER, text });
    const rows = (await outboxOf(7)).slice(4);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.chat_id).toBe(m.chat_id);
      expect(r.text.length).toBeLessThanOrEqual(4000);
    }
    expect(rows.map((r) => r.text).join(' ').split(/\s+/)).toEqual(text.split(' '));
    for (const r of rows) expected.push({ chat_id: m.chat_id, text: r.text });
  });

  it('the bot never answers its own rows: once settled, the outbox holds exactly the expected replies', async () => {
    // Every sent row came back through watch as is_from_me; give any loop time to show itself.
    await until(async () => {
      const snap = await world.snapshot();
      return snap?.accounts[0]?.health.queued === 0;
    }, 'the inbound queue to drain');
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await world.outbox();
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const want = expected[i] as { chat_id: number; text: string | RegExp };
      expect(row.chat_id).toBe(want.chat_id);
      if (typeof want.text === 'string') expect(row.text).toBe(want.text);
      else expect(row.text).toMatch(want.text);
    });
    const activity = await world.cli(['status', '--json']);
    expect(JSON.parse(activity.stdout)).toMatchObject({ running: true, pendingPairings: 0 });
  });

  it('SIGTERM stops serve cleanly: exit code 0, imsg child gone, control socket removed', async () => {
    const pid = (await world.snapshot())?.accounts[0]?.health.pid as number;
    const end = await serve.stop('SIGTERM');
    expect(end.output).toContain('Stopped.');
    expect(end.exitCode).toBe(0);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await world.snapshot()).toBeUndefined();
  });
});
