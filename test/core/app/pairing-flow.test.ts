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
    expect(String(reply?.params.text)).toContain(`Pairing code:\n\`\`\`\n${request?.code}\n\`\`\``);
    expect(String(reply?.params.text)).toContain(`imsg-companion pairing approve ${request?.code}`);
    expect(await pairingDetail(fx, stranger(1))).toBe(`request ${request?.code} created; code sent`);

    fx.imsg.inject({ from: stranger(1), text: 'hello again' });
    await until(() => fx.app.activity.list().find((e) => e.detail === 'a request is already pending; no new code sent'), 'the re-contact entry');
    await settle();
    expect(fx.imsg.sends).toHaveLength(1);
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

  it('with 3 requests pending (the cap) a 4th stranger gets no code and no message', async () => {
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS });
    for (const n of [1, 2, 3]) fx.imsg.inject({ from: stranger(n), text: 'hi' });
    await fx.imsg.waitForSends(3);
    fx.imsg.inject({ from: stranger(4), text: 'hi' });
    expect(await pairingDetail(fx, stranger(4))).toBe('pending pairing requests are at the limit (3); no code sent');
    await settle();
    expect(fx.imsg.sends).toHaveLength(3);
    expect((await fx.app.pairing.listPending()).map((r) => r.id)).toEqual([1, 2, 3].map(stranger));
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
    fx.imsg.inject({ from: stranger(1), text: 'now answer me' });
    const sends = await fx.imsg.waitForSends(2);
    expect(sends[1]?.params.text).toBe('now answer me');
  });
});
