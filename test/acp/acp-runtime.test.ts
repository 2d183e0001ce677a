// The ACP runtime against a real ACP agent process (the SDK's agent side, test/acp/test-agent.ts):
// streamed chunks, permission questions, slow turns, crashes, session/load or not, reset, close.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../../electron/core/agents/agent-error.js';
import { isAlive } from '../../electron/core/acp/pid-record.js';
import { until } from '../helpers/until.js';
import { AcpFixture, request } from './acp-fixture.js';

let fx: AcpFixture;
beforeEach(async () => {
  fx = await AcpFixture.create();
});
afterEach(async () => {
  await fx.dispose();
});

const KEY = 'default/+15550001111';

describe('ACP runtime (persistent)', () => {
  it('joins the streamed chunks into one reply; the process and session stay for the next message', async () => {
    const first = await fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('hello there'));
    const session = fx.manager.get(KEY);
    expect(first.text).toBe(`ACP ${session?.sessionId}: hello there`);
    const pid = session?.pid;
    const second = await fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('again'));
    expect(second.text).toBe(`ACP ${session?.sessionId}: again`);
    expect(fx.manager.get(KEY)?.pid).toBe(pid);
    expect(fx.events().filter((e) => e.event === 'start')).toHaveLength(1);
    // No terminal and no fs writes were advertised.
    expect(fx.events().find((e) => e.event === 'initialize')?.clientCapabilities).toMatchObject({ fs: { readTextFile: false, writeTextFile: false }, terminal: false });
  });

  it('relays a permission request to the owner as numbered options; the answer "1" reaches the agent', async () => {
    const reply = fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('permission please'));
    await until(() => fx.lines.some((l) => l.text.startsWith('The agent asks permission')), 'the question', 10_000);
    expect(fx.lines.at(-1)?.text).toBe('The agent asks permission: Write notes.txt\n1. Allow once\n2. Reject\nReply with the number (no answer within 300 s declines).');
    expect(fx.lines.at(-1)?.target).toMatchObject({ to: 'imessage:+15550001111', isGroup: false });
    // A stranger's message is not an answer.
    expect(fx.manager.offerAnswer('default', { replyTarget: 'imessage:+15550001111', commandAuthorized: false, bodyText: '2' })).toBeUndefined();
    expect(fx.manager.offerAnswer('default', { replyTarget: 'imessage:+15550001111', commandAuthorized: true, bodyText: '1' })).toMatchObject({ kind: 'selected' });
    expect((await reply).text).toBe('permission outcome: allow-once');
    expect(fx.events().find((e) => e.event === 'permission')?.outcome).toBe('allow-once');
  });

  it('declines permission requests in groups and for senders who are not the owner, without asking', async () => {
    expect((await fx.manager.reply('g', 'testagent', fx.opts(), undefined, request('permission', { group: true }))).text).toBe('permission outcome: reject-once');
    expect((await fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('permission', { owner: false }))).text).toBe('permission outcome: reject-once');
    expect(fx.lines.map((l) => l.text)).toEqual([
      "Declined the agent's request to Write notes.txt (only the owner is asked, in a direct chat).",
      "Declined the agent's request to Write notes.txt (only the owner is asked, in a direct chat).",
    ]);
  });

  it('a question nobody answers is declined after the timeout', async () => {
    const reply = await fx.manager.reply(KEY, 'testagent', fx.opts({ permissionTimeoutSeconds: 1 }), undefined, request('permission'));
    expect(reply.text).toBe('permission outcome: reject-once');
    expect(fx.lines.at(-1)?.text).toBe('No answer within 1 s: declined.');
  });

  it('a slow turn sends "Working on it…" once, then the answer', async () => {
    const reply = await fx.manager.reply(KEY, 'testagent', fx.opts({ workingNoticeSeconds: 1 }), undefined, request('slow 2500 think hard'));
    expect(reply.text).toMatch(/: slow 2500 think hard$/);
    expect(fx.lines.map((l) => l.text)).toEqual(['Working on it…']);
  });

  it('progress: tools sends a short line per tool call', async () => {
    await fx.manager.reply(KEY, 'testagent', fx.opts({ progress: 'tools' }), undefined, request('tool time'));
    expect(fx.lines.map((l) => l.text)).toEqual(['… Reading README.md']);
  });

  it('/reset cancels the running prompt and starts a new session in the same process', async () => {
    await fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('hi'));
    const before = fx.manager.get(KEY)?.sessionId;
    const slow = fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('slow 20000'));
    await until(() => fx.events().some((e) => e.event === 'prompt' && e.text === 'slow 20000'), 'the slow prompt', 10_000);
    const after = await fx.manager.reset(KEY);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect((await slow).text).toBeNull();
    expect(fx.events().some((e) => e.event === 'cancel' && e.sessionId === before)).toBe(true);
    expect((await fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('fresh'))).text).toBe(`ACP ${after}: fresh`);
  });

  it('an agent that crashes mid-prompt is an error for that message, and is restarted with a new session (no session/load)', async () => {
    await fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('hi'));
    const { pid, sessionId } = fx.manager.get(KEY) ?? {};
    const err = await fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('crash now')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentError);
    expect((err as AgentError).message).toMatch(/exited mid-reply .*exit code 3/);
    await until(() => fx.manager.get(KEY)?.state === 'idle' && fx.manager.get(KEY)?.pid !== undefined, 'the restart', 10_000);
    expect(fx.manager.get(KEY)?.pid).not.toBe(pid);
    expect(isAlive(pid as number)).toBe(false);
    expect(fx.manager.get(KEY)?.sessionId).not.toBe(sessionId);
    expect(fx.events().some((e) => e.event === 'load')).toBe(false);
  });

  it('an agent that supports session/load resumes the same session after it died (history replay is not a reply)', async () => {
    const opts = fx.opts({}, ['ACP_TEST_AGENT_LOAD']);
    await fx.manager.reply(KEY, 'testagent', opts, undefined, request('hi'));
    const { pid, sessionId } = fx.manager.get(KEY) ?? {};
    await fx.manager.reply(KEY, 'testagent', opts, undefined, request('crash')).catch(() => undefined);
    await until(() => fx.manager.get(KEY)?.state === 'idle' && fx.manager.get(KEY)?.pid !== pid, 'the restart', 10_000);
    expect(fx.events().filter((e) => e.event === 'load').map((e) => e.sessionId)).toEqual([sessionId]);
    expect((await fx.manager.reply(KEY, 'testagent', opts, undefined, request('still there?'))).text).toBe(`ACP ${sessionId}: still there?`);
  });

  it('a restarted app resumes the stored session with session/load', async () => {
    const opts = fx.opts({}, ['ACP_TEST_AGENT_LOAD']);
    await fx.manager.reply(KEY, 'testagent', opts, undefined, request('hi'));
    const sessionId = fx.manager.get(KEY)?.sessionId;
    await fx.manager.stop();
    fx.manager = fx.newManager();
    expect((await fx.manager.reply(KEY, 'testagent', opts, undefined, request('back'))).text).toBe(`ACP ${sessionId}: back`);
  });

  it('close ends the agent process', async () => {
    await fx.manager.reply(KEY, 'testagent', fx.opts(), undefined, request('hi'));
    const pid = fx.manager.get(KEY)?.pid as number;
    expect(isAlive(pid)).toBe(true);
    await fx.manager.close(KEY);
    expect(isAlive(pid)).toBe(false);
  });

  it('an agent that cannot start is a plain error naming why', async () => {
    const err = await fx.manager.reply(KEY, 'testagent', fx.opts({}, ['ACP_TEST_AGENT_FAIL_INIT']), undefined, request('hi')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/could not start: the agent exited during start \(exit code 2\): test agent: no credentials/);
    expect(fx.manager.get(KEY)?.state).toBe('error');
    const missing = await fx.manager.reply('k2', 'testagent', fx.opts({ command: ['/nonexistent/acp-agent'] }), undefined, request('hi')).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/cannot start \/nonexistent\/acp-agent: .*ENOENT/);
  });
});

describe('ACP runtime (oneshot) and orphans', () => {
  it('oneshot starts one process per message and ends it after the reply', async () => {
    const opts = fx.opts({ mode: 'oneshot' });
    const a = await fx.manager.reply(KEY, 'testagent', opts, undefined, request('one'));
    const b = await fx.manager.reply(KEY, 'testagent', opts, undefined, request('two'));
    const starts = fx.events().filter((e) => e.event === 'start').map((e) => e.pid);
    expect(starts).toHaveLength(2);
    const sessionOf = (text: string | null) => /^ACP (\S+): /.exec(text ?? '')?.[1];
    expect(sessionOf(a.text)).toBeDefined();
    expect(sessionOf(a.text)).not.toBe(sessionOf(b.text));
    for (const pid of starts) expect(isAlive(pid)).toBe(false);
  });

  it('agents left running by a run that died are ended on the next start', async () => {
    const opts = fx.opts({}, ['ACP_TEST_AGENT_STUBBORN']);
    await fx.manager.reply(KEY, 'testagent', opts, undefined, request('hi'));
    const pid = fx.manager.get(KEY)?.pid as number;
    // The "crashed" run never stops its manager; a new one over the same state dir reaps.
    const next = fx.newManager();
    await next.start();
    expect(isAlive(pid)).toBe(false);
    await next.stop();
  });
});
