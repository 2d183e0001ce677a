import { afterEach, describe, expect, it } from 'vitest';
import { channel, cleanup, ECHO_AGENTS, startApp } from '../app/app-fixture.js';

afterEach(cleanup);

const OPEN = { channels: { imessage: channel({ dmPolicy: 'open', allowFrom: ['*'] }) }, agents: ECHO_AGENTS };

describe('replies when imsg dies mid-send', () => {
  it('imsg killed before it performed the send: once it is back the reply is sent, once', async () => {
    const fx = await startApp(OPEN);
    fx.imsg.failSends('die-before');
    const m = fx.imsg.inject({ from: '+15550000001', text: 'are you there?' });
    const reply = await fx.activity((e) => e.kind === 'reply' && e.guid === m.guid);
    expect(reply.detail).toBe('1 message sent to imessage:+15550000001');
    await fx.app.queue.idle();
    expect(fx.imsg.texts()).toEqual(['are you there?']);
    expect(fx.imsg.runs).toBe(2);
  });

  it('imsg killed after it performed the send (no answer came back): the reply is not sent twice', async () => {
    const fx = await startApp(OPEN);
    fx.imsg.failSends('die-after');
    const m = fx.imsg.inject({ from: '+15550000001', text: 'only once please' });
    await fx.activity((e) => e.kind === 'reply' && e.guid === m.guid);
    await fx.app.queue.idle();
    expect(fx.imsg.texts()).toEqual(['only once please']);
    expect(fx.imsg.runs).toBe(2);
  });

  it('a group reply in 2 chunks whose second send dies before going out: each chunk arrives once, in order', async () => {
    const fx = await startApp({ ...OPEN, channels: { imessage: channel({ dmPolicy: 'open', allowFrom: ['*'], groupPolicy: 'open', textChunkLimit: 10 }) } });
    const f = fx;
    f.imsg.failSends('ok', 'die-before');
    const m = f.imsg.inject({ from: '+15550000001', text: 'aaaa bbbb cccc', groupChatId: 55 });
    const reply = await f.activity((e) => e.kind === 'reply' && e.guid === m.guid);
    expect(reply.detail).toBe('2 messages sent to chat_id:55');
    expect(f.imsg.sends.map((s) => [s.params.chat_id, s.params.text])).toEqual([
      [55, 'aaaa bbbb'],
      [55, 'cccc'],
    ]);
    expect(f.imsg.runs).toBe(2);
  });

  it('an error answered by imsg (not a crash) is not retried: the message is not answered, kept for Retry, nothing is sent', async () => {
    const fx = await startApp(OPEN);
    fx.imsg.failSends('rpc-error');
    const m = fx.imsg.inject({ from: '+15550000001', text: 'hello' });
    const failed = await fx.activity((e) => e.kind === 'agent-error' && e.guid === m.guid);
    expect(failed.outcome).toBe('not-answered');
    expect(failed.cause).toMatch(/^reply not delivered to imessage:\+15550000001: Internal error: code=-32603 \(send/);
    await fx.app.queue.idle();
    expect(fx.imsg.sends).toEqual([]);
    expect(fx.imsg.runs).toBe(1);
    expect(fx.app.journal.jobs().map((j) => [j.id, j.failed?.cause.slice(0, 26)])).toEqual([[`default:${m.guid}`, 'reply not delivered to ime']]);
  });
});
