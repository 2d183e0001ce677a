// ACP bindings end to end: `serve` over the simulator with a real ACP agent process (the SDK test
// agent): /acp spawn in a DM, /reset, a relayed permission answered "1", a restart that keeps the
// chat binding, a config binding for a group chat_id, /acp close, and no agent process left behind
// after close, after a stop, and after a SIGKILL of serve (reaped on the next start).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../electron/core/acp/pid-record.js';
import { TEST_AGENT } from '../acp/acp-fixture.js';
import { type OutboxRow, type ServeProcess, until, World } from './serve-harness.js';

const OWNER = '+15550002222';
const FRIEND = '+15550003333';

let world: World;
let serve: ServeProcess;
let seen = 0;

const channel = { dmPolicy: 'allowlist', allowFrom: [OWNER], groupPolicy: 'open', groups: { '*': { requireMention: true } } };
const agentList = () => [
  { id: 'echo', default: true, backend: { type: 'echo' } },
  { id: 'testagent', runtime: { type: 'acp', acp: { agent: 'testagent', backend: 'acpx', command: [process.execPath, TEST_AGENT], env: ['ACP_TEST_AGENT_LOG', 'ACP_TEST_AGENT_STUBBORN'], workingNoticeSeconds: 0, permissionTimeoutSeconds: 120 } } },
];
let logFile = '';
const extra = (bindings: unknown[] = []) => ({ agents: { list: agentList() }, messages: { groupChat: { mentionPatterns: ['@bot'] } }, bindings });
// The agent ignores EOF on stdin (like one stuck in a tool): only a kill ends it.
const serveEnv = () => ({ ACP_TEST_AGENT_LOG: logFile, ACP_TEST_AGENT_STUBBORN: '1' });

/** Pids of every agent process started so far (from the agent's own log, not from our records). */
function agentPids(): number[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"event":"start"'))
    .map((l) => (JSON.parse(l) as { pid: number }).pid);
}

/** The next outgoing row (after the ones already seen). */
async function nextReply(): Promise<OutboxRow> {
  await until(() => world.sentCount() > seen, 'a reply', 20_000);
  const rows = await world.outbox();
  return rows[seen++] as OutboxRow;
}

async function say(text: string, from = OWNER): Promise<OutboxRow> {
  world.inject({ from, text });
  return nextReply();
}

beforeAll(async () => {
  world = await World.create(channel);
  logFile = join(world.dir, 'agent.log');
  await world.writeConfig(channel, extra());
  serve = await world.serve(serveEnv());
}, 60_000);

afterAll(async () => {
  await world?.dispose();
  for (const pid of agentPids()) if (isAlive(pid)) process.kill(-pid, 'SIGKILL');
});

describe('ACP bindings through serve', () => {
  let dmSession = '';

  it('/acp spawn testagent --bind here → the next DM is answered by the ACP agent', async () => {
    expect((await say('hello default')).text).toBe('hello default');
    const bound = await say('/acp spawn testagent --bind here --label mine');
    dmSession = /ACP session (\S+)\)/.exec(bound.text)?.[1] ?? '';
    expect(bound.text).toBe(`Bound this chat to testagent (ACP session ${dmSession}). Messages here now go to it; /reset starts a new session, /acp close unbinds.`);
    expect((await say('what is up')).text).toBe(`ACP ${dmSession}: what is up`);
    const view = (await world.snapshot())?.acp?.sessions.find((s) => s.id === `default/${OWNER}`);
    expect(view).toMatchObject({ source: 'chat', agentId: 'testagent', label: 'mine', state: 'idle', sessionId: dmSession, conversation: OWNER });
  });

  it('/reset gives the bound chat a new ACP session id', async () => {
    const reset = await say('/reset');
    const fresh = /ACP session (\S+)\)/.exec(reset.text)?.[1] ?? '';
    expect(fresh).not.toBe('');
    expect(fresh).not.toBe(dmSession);
    expect((await say('after reset')).text).toBe(`ACP ${fresh}: after reset`);
    dmSession = fresh;
  });

  it('a permission request is asked as numbered options; the owner answers "1" and the agent gets that option', async () => {
    const question = await say('permission please');
    expect(question.text).toBe('The agent asks permission: Write notes.txt\n1. Allow once\n2. Reject\nReply with the number (no answer within 120 s declines).');
    expect((await say('1')).text).toBe('permission outcome: allow-once');
    const events = readFileSync(logFile, 'utf8');
    expect(events).toContain('"event":"permission"');
    expect(events).toContain('"outcome":"allow-once"');
  });

  it('serve restarted (SIGTERM) → its agent process is gone and the chat binding is still there', async () => {
    const before = agentPids();
    expect((await serve.stop('SIGTERM')).exitCode).toBe(0);
    for (const pid of before) expect(isAlive(pid)).toBe(false);
    serve = await world.serve(serveEnv());
    const view = (await world.snapshot())?.acp?.sessions.find((s) => s.id === `default/${OWNER}`);
    expect(view).toMatchObject({ source: 'chat', agentId: 'testagent' });
    const reply = await say('still bound?');
    expect(reply.text).toMatch(/^ACP \S+: still bound\?$/);
    const list = await world.cli(['bindings', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject({ running: true, bindings: [{ id: `default/${OWNER}`, source: 'chat', state: 'idle' }] });
  });

  it('a config bindings[] entry for a group chat_id: group messages with a mention go to the ACP agent', async () => {
    const quiet = world.inject({ from: FRIEND, groupName: 'Builders', participants: [FRIEND, OWNER], text: 'no mention here' });
    await world.writeConfig(channel, extra([{ type: 'acp', agentId: 'testagent', match: { channel: 'imessage', accountId: 'default', peer: { kind: 'group', id: `chat_id:${quiet.chat_id}` } }, acp: { label: 'builders' } }]));
    await until(async () => (await world.snapshot())?.acp?.sessions.some((s) => s.id === `default/chat_id:${quiet.chat_id}`), 'the config binding', 20_000);
    // Still no mention: not answered (the next reply is the mentioned message's).
    world.inject({ from: FRIEND, chatId: quiet.chat_id, text: 'talking among ourselves' });
    world.inject({ from: FRIEND, chatId: quiet.chat_id, text: '@bot build it' });
    const reply = await nextReply();
    expect(reply).toMatchObject({ chat_id: quiet.chat_id, is_group: true });
    expect(reply.text).toMatch(/^ACP \S+: .*@bot build it/s);
  });

  it('/acp status shows the bound session; a second spawn in a bound chat and a spawn by a non-owner bind nothing', async () => {
    const status = await say('/acp status');
    expect(status.text).toMatch(new RegExp(`^default/\\${OWNER} "mine": agent testagent, idle, session \\S+, since \\S+, last activity \\S+ \\(made in chat\\)$`));
    world.inject({ from: FRIEND, groupName: 'Other', participants: [FRIEND, OWNER], text: '/acp spawn nosuch --bind here' });
    // FRIEND is not authorized for commands in groups: dropped, no reply; the owner gets the error.
    expect((await say('/acp spawn nosuch --bind here')).text).toBe('This chat is already bound to testagent (default/+15550002222). Send /acp close first.');
  });

  it('a config binding naming a missing agent is an error for that chat, never another agent', async () => {
    const g = world.inject({ from: FRIEND, groupName: 'Broken', participants: [FRIEND, OWNER], text: 'hi all' });
    const snap0 = await world.snapshot();
    const keep = snap0?.acp?.sessions.find((s) => s.source === 'config');
    await world.writeConfig(channel, extra([
      { type: 'acp', agentId: 'testagent', match: { channel: 'imessage', accountId: 'default', peer: { kind: 'group', id: keep?.conversation } }, acp: { label: 'builders' } },
      { type: 'acp', agentId: 'gone', match: { channel: 'imessage', peer: { kind: 'group', id: `chat_id:${g.chat_id}` } } },
    ]));
    await until(async () => (await world.snapshot())?.acp?.sessions.some((s) => s.id === `default/chat_id:${g.chat_id}`), 'the broken binding', 20_000);
    const before = world.sentCount();
    world.inject({ from: FRIEND, chatId: g.chat_id, text: '@bot anyone?' });
    await until(async () => (await world.activity()).some((e) => e.kind === 'agent-error' && e.detail?.includes(`agent "gone" (binding default/chat_id:${g.chat_id}) is not in agents.list`)), 'the agent error', 20_000);
    expect(world.sentCount()).toBe(before);
    const snap = await world.snapshot();
    expect(snap?.acp?.sessions.find((s) => s.id === `default/chat_id:${g.chat_id}`)).toMatchObject({ state: 'error', error: 'agent "gone" is not in agents.list' });
    expect(snap?.overall).toEqual({ level: 'warning', text: `ACP binding default/chat_id:${g.chat_id}: agent "gone" is not in agents.list` });
  });

  it('/acp close → its agent process ends and the chat is back to the default agent', async () => {
    const view = (await world.snapshot())?.acp?.sessions.find((s) => s.id === `default/${OWNER}`);
    const pidsBefore = agentPids().filter(isAlive);
    expect((await say('/acp close')).text).toBe('Closed the ACP session of testagent and unbound this chat; messages go to the default agent again.');
    expect(view?.sessionId).toBeDefined();
    // Exactly one agent (the DM's) ended; the group's still runs.
    expect(pidsBefore.filter((p) => !isAlive(p))).toHaveLength(1);
    expect((await say('back to echo')).text).toBe('back to echo');
    expect((await say('/acp spawn nosuch --bind here')).text).toBe('No ACP agent "nosuch" in agents.list (ACP agents: testagent). Add one, e.g. {id: "nosuch", runtime: {type: "acp", acp: {agent: "nosuch"}}}.');
    const left = (await world.snapshot())?.acp?.sessions ?? [];
    expect(left.map((s) => s.source)).toEqual(['config', 'config']);
  });

  it('SIGKILL of serve leaves the agent running; the next start ends it (no orphans)', async () => {
    const alive = agentPids().filter(isAlive);
    expect(alive).toHaveLength(1);
    await serve.stop('SIGKILL');
    expect(alive.filter(isAlive)).toEqual(alive);
    serve = await world.serve(serveEnv());
    await until(() => alive.every((p) => !isAlive(p)), 'the left-over agent to be reaped', 10_000);
    const activity = await world.activity();
    expect(activity.some((e) => e.detail?.startsWith(`ended ACP agent pid ${alive[0]} `))).toBe(true);
    // The group's binding starts a new agent on its next message; `bindings close` (the tray's
    // Close) ends it through the running app and keeps the config binding.
    const builders = (await world.snapshot())?.acp?.sessions.find((s) => s.label === 'builders');
    const chatId = Number(builders?.conversation.replace('chat_id:', ''));
    world.inject({ from: FRIEND, chatId, text: '@bot once more' });
    expect((await nextReply()).text).toMatch(/^ACP \S+: .*@bot once more/s);
    const running = agentPids().filter(isAlive);
    expect(running).toHaveLength(1);
    const closed = await world.cli(['bindings', 'close', builders?.id ?? '']);
    expect(closed).toMatchObject({ exitCode: 0, stdout: `Closed the session of ${builders?.id}; it is a config binding: remove it from bindings[] to unbind.` });
    expect(running.filter(isAlive)).toEqual([]);
    await serve.stop('SIGTERM');
    expect(agentPids().filter(isAlive)).toEqual([]);
  });
});
