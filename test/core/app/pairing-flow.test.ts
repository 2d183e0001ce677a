import { afterEach, describe, expect, it } from 'vitest';
import { type AppFixture, channel, cleanup, ECHO_AGENTS, startApp, until } from './app-fixture.js';

afterEach(cleanup);

const stranger = (n: number): string => `+1555010000${n}`;

/** Settle: long enough for a queued reply to have gone out if one were coming. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));

/** The pairing activity detail for `sender`, waiting for it. */
async function pairingDetail(f: AppFixture, sender: string): Promise<string> {
  const entry = await f.activity((e) => e.kind === 'pairing' && e.sender === sender);
  return entry.detail ?? '';
}

describe('pairing flow', () => {
  it('a stranger gets one reply with their code; a second message while pending gets none', async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    fx.imsg.inject({ from: stranger(1), text: 'hello?' });
    const [reply] = await fx.imsg.waitForSends(1);
    const [request] = await fx.app.pairing.listPending();
    expect(request?.id).toBe(stranger(1));
    const text = String(reply?.params.text);
    expect(text).toBe(`imsg Companion: access not configured.\n\nYour iMessage sender id: ${stranger(1)}\nAsk the bot owner to approve you with: imsg-companion pairing approve ${request?.code}`);
    expect(text).not.toContain('`');
    expect(text.split(request?.code ?? '?')).toHaveLength(2);
    expect(request).toMatchObject({ firstText: 'hello?', chatType: 'direct' });
    expect(await pairingDetail(fx, stranger(1))).toBe(`request ${request?.code} created; code sent`);

    fx.imsg.inject({ from: stranger(1), text: 'hello again' });
    await until(() => fx.app.activity.list().find((e) => e.detail === 'a request is already pending; no new code sent'), 'the re-contact entry');
    await settle();
    expect(fx.imsg.sends).toHaveLength(1);
  });

  it("imsg's Contacts name (sender_name) becomes the request's contactName; without one there is none", async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    fx.imsg.inject({ from: stranger(1), text: 'hi, Anna sent me', senderName: ' Carol\u202e Diaz ' });
    fx.imsg.inject({ from: stranger(2), text: 'hello' });
    await fx.imsg.waitForSends(2);
    const pending = await fx.app.pairing.listPending();
    expect(pending.find((r) => r.id === stranger(1))).toMatchObject({ contactName: 'Carol Diaz', firstText: 'hi, Anna sent me' });
    expect(pending.find((r) => r.id === stranger(2))?.contactName).toBeUndefined();
  });

  it('a code imsg failed to send is not claimed as sent, and goes out when the stranger writes again, after a restart too', async () => {
    const first = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    first.imsg.failSends('rpc-error');
    first.imsg.inject({ from: stranger(1), text: 'hello?' });
    const failed = await pairingDetail(first, stranger(1));
    const [request] = await first.app.pairing.listPending();
    expect(failed).toMatch(new RegExp(`^request ${request?.code} created; code not sent \\(.*AppleScript failed.*\\): it is sent when they write again$`));
    expect(first.imsg.sends).toEqual([]);
    expect(request?.meta.codeUndelivered).toBe('1');
    await first.stop({ keepDir: true });

    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS }, { dir: first.dir });
    // Row ids past the first run's cursor (this fake imsg numbers from 1 again).
    fx.imsg.deliver({ ...fx.imsg.payload({ from: stranger(1), text: 'hello??' }), id: 100, guid: 'MEM-100' });
    const [reply] = await fx.imsg.waitForSends(1);
    expect(String(reply?.params.text)).toContain(`imsg-companion pairing approve ${request?.code}`);
    await fx.activity((e) => e.detail === 'a request is already pending; its code had not reached them; code sent');
    expect((await fx.app.pairing.listPending())[0]).toMatchObject({ code: request?.code, firstText: 'hello?' });
    expect((await fx.app.pairing.listPending())[0]?.meta.codeUndelivered).toBeUndefined();
    // Delivered now: a third message gets nothing more.
    fx.imsg.deliver({ ...fx.imsg.payload({ from: stranger(1), text: 'hello???' }), id: 101, guid: 'MEM-101' });
    await fx.activity((e) => e.detail === 'a request is already pending; no new code sent');
    await settle();
    expect(fx.imsg.sends).toHaveLength(1);
  });

  it('a send macOS refuses (Automation, -1743) turns the header red with the fix until a send goes out again', async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    fx.imsg.failSends('automation-denied');
    fx.imsg.inject({ from: stranger(1), text: 'hello?' });
    await until(async () => (await fx.app.snapshot()).overall.level === 'error' || undefined, 'the header to turn red');
    const red = await fx.app.snapshot();
    expect(red.overall.text).toBe("default: macOS doesn't allow imsg Companion to control the Messages app, so replies can't be sent.");
    expect(red.accounts[0]?.health.lastError?.cause.kind).toBe('automation');
    fx.imsg.inject({ from: stranger(1), text: 'hello??' });
    await fx.imsg.waitForSends(1);
    await until(async () => (await fx.app.snapshot()).overall.level === 'warning' || undefined, 'the header back');
    const after = await fx.app.snapshot();
    expect(after.overall.text).toBe('1 pairing request to approve');
    expect(after.accounts[0]?.health.lastError).toBeUndefined();
    expect(after.accounts[0]?.health.lastProblem?.recoveredAt).toBeTruthy();
  });

  it('unpairedResponse "silent": the request is recorded for approval and nothing is sent', async () => {
    const fx = await startApp({ channels: { imessage: channel({ unpairedResponse: 'silent' }) }, agents: ECHO_AGENTS });
    const seen: string[] = [];
    fx.app.events.on('pairing:new', (r) => seen.push(r.id));
    fx.imsg.inject({ from: stranger(1), text: 'hello?' });
    const detail = await pairingDetail(fx, stranger(1));
    const [request] = await fx.app.pairing.listPending();
    expect(detail).toBe(`request ${request?.code} recorded; silent mode, nothing sent`);
    expect(seen).toEqual([stranger(1)]);
    await settle();
    await fx.app.queue.idle();
    expect(fx.imsg.sends).toEqual([]);
  });

  it('with 3 requests pending (the cap) a 4th stranger waits ("limit reached", counted); a denial frees a slot and they get a code', async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    for (const n of [1, 2, 3]) fx.imsg.inject({ from: stranger(n), text: 'hi' });
    await fx.imsg.waitForSends(3);
    fx.imsg.inject({ from: stranger(4), text: 'is this the bot?' });
    const waitingText = 'waiting, limit reached: 3 requests are pending, so no code was sent yet; they get one when a slot frees';
    expect(await pairingDetail(fx, stranger(4))).toBe(`${waitingText} (messages while waiting: 1)`);
    const entry = await fx.activity((e) => e.kind === 'pairing' && e.sender === stranger(4));
    const step = entry.steps?.find((x) => x.outcome === 'pairing')?.detail ?? '';
    expect(step).toBe(`sender ${stranger(4)} is not approved yet; ${waitingText} (messages while waiting: 1)`);
    expect(step).not.toMatch(/gets a (pairing )?code|code sent\b/);
    fx.imsg.inject({ from: stranger(4), text: 'hello??' });
    await fx.activity((e) => e.kind === 'pairing' && e.detail === `${waitingText} (messages while waiting: 2)`);
    expect((await fx.app.snapshot()).pairing.waiting).toEqual([{ accountId: 'default', sender: stranger(4), firstSeenAt: expect.any(String), lastSeenAt: expect.any(String), count: 2, text: 'is this the bot?' }]);
    await settle();
    expect(fx.imsg.sends).toHaveLength(3);

    const [first] = await fx.app.pairing.listPending();
    expect(await fx.app.pairing.deny(first?.code ?? '')).not.toBeNull();
    const sends = await fx.imsg.waitForSends(4);
    const promoted = (await fx.app.pairing.listPending()).find((r) => r.id === stranger(4));
    expect(promoted).toMatchObject({ firstText: 'is this the bot?' });
    expect(String(sends[3]?.params.text)).toBe(`imsg Companion: access not configured.\n\nYour iMessage sender id: ${stranger(4)}\nAsk the bot owner to approve you with: imsg-companion pairing approve ${promoted?.code}`);
    expect(await fx.activity((e) => e.detail === `a slot freed: waiting sender got request ${promoted?.code}; code sent`)).toBeDefined();
    expect((await fx.app.snapshot()).pairing.waiting).toEqual([]);
  });

  it('on approval (store, CLI or tray) the sender gets one plain-text note; pairing.notifyApproved: false turns it off', async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    fx.imsg.inject({ from: stranger(1), text: 'hi' });
    const [reply] = await fx.imsg.waitForSends(1);
    const [request] = await fx.app.pairing.listPending();
    expect(await fx.app.pairing.approve(request?.code ?? '')).not.toBeNull();
    const sends = await fx.imsg.waitForSends(2);
    expect(sends[1]?.params.text).toBe("You're approved — send a message to start.");
    expect(sends[1]?.params.chat_id ?? sends[1]?.params.to).toBe(reply?.params.chat_id ?? reply?.params.to);
    await settle();
    expect(fx.imsg.sends).toHaveLength(2);

    const quiet = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS, pairing: { notifyApproved: false } });
    quiet.imsg.inject({ from: stranger(2), text: 'hi' });
    await quiet.imsg.waitForSends(1);
    const [other] = await quiet.app.pairing.listPending();
    expect(await quiet.app.pairing.approve(other?.code ?? '')).not.toBeNull();
    await settle();
    await settle();
    expect(quiet.imsg.sends).toHaveLength(1);
  });

  it('a denied-and-blocked sender is ignored: no new request, nothing sent', async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    fx.imsg.inject({ from: stranger(1), text: 'hi' });
    await fx.imsg.waitForSends(1);
    const [request] = await fx.app.pairing.listPending();
    await fx.app.pairing.deny(request?.code ?? '', { block: true });
    fx.imsg.inject({ from: stranger(1), text: 'hi again' });
    const drop = await fx.activity((e) => e.kind === 'inbound' && e.decision === 'drop' && e.sender === stranger(1));
    expect(drop.reason).toMatch(/blocked/);
    await settle();
    expect(fx.imsg.sends).toHaveLength(1);
    expect(await fx.app.pairing.listPending()).toEqual([]);
  });

  it('after approval the next message from that sender is answered by the agent', async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    fx.imsg.inject({ from: stranger(1), text: 'hi' });
    await fx.imsg.waitForSends(1);
    const [request] = await fx.app.pairing.listPending();
    expect(await fx.app.pairing.approve(request?.code ?? '')).not.toBeNull();
    await fx.imsg.waitForSends(2);
    fx.imsg.inject({ from: stranger(1), text: 'now answer me' });
    const sends = await fx.imsg.waitForSends(3);
    expect(sends.map((x) => x.params.text).slice(1)).toEqual(["You're approved — send a message to start.", 'now answer me']);
  });
});
