import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairingStore } from '../../electron/core/pairing/store.js';
import { CLI_BIN } from '../helpers/bins.js';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'cli-explain-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const ALICE = '+15550001111';
const BOB = '+15550002222';

/** A DM from Alice exactly as `imsg rpc` reports it in a `message` notification. */
const dmPayload = (over: Record<string, unknown> = {}) => ({
  id: 4821, chat_id: 17, guid: 'B7E2D1F0-6C1A-4C4B-9E55-0D6A2F1C9A11', sender: ALICE, is_from_me: false, text: 'Hi, are you there?',
  created_at: '2026-03-02T18:04:11.512Z', attachments: [], reactions: [], chat_identifier: ALICE, chat_guid: `iMessage;-;${ALICE}`,
  chat_name: '', participants: [ALICE], is_group: false, ...over,
});

/** A group message from Bob in chat 42. */
const groupPayload = (over: Record<string, unknown> = {}) => ({
  id: 4822, chat_id: 42, guid: '0F1E2D3C-4B5A-4968-8776-655443322110', sender: BOB, is_from_me: false, text: 'hello all',
  created_at: '2026-03-02T18:05:00.000Z', attachments: [], reactions: [], chat_identifier: 'chat817263545', chat_guid: 'iMessage;+;chat817263545',
  chat_name: 'Climbing', participants: [ALICE, BOB], is_group: true, ...over,
});

/** Run the built CLI's explain with `input` on stdin against the temp state dir. */
function explain(input: string, ...args: string[]) {
  return execa(process.execPath, [CLI_BIN, 'explain', ...args, '--state-dir', dir], { input, reject: false, env: { IMSG_COMPANION_STATE_DIR: '', IMSG_COMPANION_CONFIG: '' } });
}

async function writeConfig(text: string): Promise<void> {
  await fs.writeFile(join(dir, 'config.json5'), text);
}

type Out = { decision: string; reason: string | null; chatType: string; sessionKey: string | null; agentId: string | null; wasMentioned: boolean; commandAuthorized: boolean; steps: Array<{ step: string; outcome: string; detail: string }> };

async function explainJson(payload: object, ...args: string[]): Promise<Out> {
  const r = await explain(JSON.stringify(payload), '--json', ...args);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as Out;
}

describe('imsg-companion explain', () => {
  it('a DM from an unknown sender → pairing, and no pairing request is created', async () => {
    const out = await explainJson(dmPayload());
    expect(Object.keys(out)).toEqual(['decision', 'reason', 'chatType', 'sessionKey', 'agentId', 'wasMentioned', 'commandAuthorized', 'steps']);
    expect(out).toMatchObject({ decision: 'pairing', reason: 'pairing required', chatType: 'direct', sessionKey: null, agentId: null, wasMentioned: false, commandAuthorized: false });
    expect(out.steps.at(-1)).toMatchObject({ step: 'dm access', outcome: 'pairing' });
    expect(await fs.readdir(dir)).toEqual([]);
    expect(await new PairingStore({ stateDir: dir }).listPending()).toEqual([]);
  });

  it('a sender approved through the pairing store → dispatch', async () => {
    const store = new PairingStore({ stateDir: dir });
    const { code } = await store.upsertRequest({ accountId: 'default', senderId: ALICE });
    expect(await store.approve(code)).not.toBeNull();
    const out = await explainJson(dmPayload());
    expect(out).toMatchObject({ decision: 'dispatch', reason: null, chatType: 'direct', sessionKey: 'agent:main:main', agentId: 'main', wasMentioned: true, commandAuthorized: true });
  });

  it('a blocked sender → silent drop with a reason', async () => {
    const store = new PairingStore({ stateDir: dir });
    const { code } = await store.upsertRequest({ accountId: 'default', senderId: ALICE });
    await store.deny(code, { block: true });
    expect(await explainJson(dmPayload())).toMatchObject({ decision: 'drop', reason: 'sender blocked' });
  });

  it('a group message without a mention → drop "no mention"', async () => {
    await writeConfig(`{ channels: { imessage: { groupPolicy: 'open' } }, messages: { groupChat: { mentionPatterns: ['@?climbbot'] } } }`);
    const out = await explainJson(groupPayload());
    expect(out).toMatchObject({ decision: 'drop', reason: 'no mention', chatType: 'group', sessionKey: 'agent:main:imessage:group:42', wasMentioned: false });
    expect(out.steps.at(-1)).toEqual({ step: 'mention gate', outcome: 'drop', detail: 'group requires a mention; no pattern matched "hello all"' });
    const mentioned = await explainJson(groupPayload({ text: '@ClimbBot where do we meet?' }));
    expect(mentioned).toMatchObject({ decision: 'dispatch', wasMentioned: true });
  });

  it('your own message (is_from_me) → drop "from me"', async () => {
    expect(await explainJson(dmPayload({ is_from_me: true }))).toMatchObject({ decision: 'drop', reason: 'from me' });
  });

  it('without --json prints one line per step with ✓/✗, then the verdict', async () => {
    await writeConfig(`{ channels: { imessage: { groupPolicy: 'open' } }, messages: { groupChat: { mentionPatterns: ['bot'] } } }`);
    const r = await explain(JSON.stringify(groupPayload()));
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`✓ sender: from ${BOB}`);
    expect(lines).toContain('✗ mention gate: group requires a mention; no pattern matched "hello all"');
    expect(lines.at(-1)).toBe('=> DROP: no mention');
  });

  it('accepts a whole `message` notification line and --account', async () => {
    await writeConfig(`{ channels: { imessage: { accounts: { Work: { dmPolicy: 'allowlist', allowFrom: ['${ALICE}'] } } } } }`);
    const note = { jsonrpc: '2.0', method: 'message', params: { subscription: 1, message: dmPayload() } };
    expect(await explainJson(note, '--account', 'work')).toMatchObject({ decision: 'dispatch' });
    const unknown = await explain(JSON.stringify(dmPayload()), '--account', 'nope');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("unknown account 'nope' (configured: work)");
  });

  it.each([
    ['invalid JSON', '{"sender": ', /invalid JSON on stdin/],
    ['empty stdin', '', /stdin is empty/],
    ['a wrong-typed field', JSON.stringify(dmPayload({ sender: { handle: ALICE } })), /invalid message payload: sender: expected string, received object/],
    ['a nested wrong-typed field', JSON.stringify(dmPayload({ attachments: [{ missing: 'yes' }] })), /attachments\[0\]\.missing: expected boolean/],
    ['not an object', '[1,2]', /\(payload\): expected a message object, received array/],
  ])('%s → exit 2 naming the problem', async (_name, input, message) => {
    const r = await explain(input, '--json');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('a bad config → exit 1 listing the issues', async () => {
    await writeConfig(`{ channels: { imessage: { dmPolicy: 'sometimes', bogus: 1 } } }`);
    const r = await explain(JSON.stringify(dmPayload()), '--json');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('channels.imessage.dmPolicy');
    expect(r.stderr).toContain('channels.imessage.bogus');
  });

  it('an unknown option is a usage error', async () => {
    const r = await explain(JSON.stringify(dmPayload()), '--frobnicate');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/frobnicate/);
  });
});
