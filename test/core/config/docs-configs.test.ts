// Every config block of the iMessage docs (test/fixtures/docs-configs) passes `config validate` and
// decides one representative message as the docs describe, through the real `explain` command.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import JSON5 from 'json5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentRegistry } from '../../../electron/core/agents/registry.js';
import { resolveAccount } from '../../../electron/core/config/accounts.js';
import { validateConfig } from '../../../electron/core/config/validate.js';
import { resolveMentionPatterns } from '../../../electron/core/policy/mentions.js';
import { resolveAgentRoute } from '../../../electron/core/policy/route.js';
import { CLI_BIN } from '../../helpers/bins.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'docs-configs');
const OWNER = '+15555550123';
const OTHER = '+15550002222';

let stateDir: string;
beforeAll(async () => {
  stateDir = await fs.mkdtemp(join(tmpdir(), 'docs-configs-'));
});
afterAll(async () => {
  await fs.rm(stateDir, { recursive: true, force: true });
});

const env = { IMSG_COMPANION_STATE_DIR: '', IMSG_COMPANION_CONFIG: '' };
const fixture = (name: string) => join(FIXTURES, name);

const dm = (sender: string, text = 'Hi, are you there?') => ({
  id: 4821, chat_id: 17, guid: 'B7E2D1F0-6C1A-4C4B-9E55-0D6A2F1C9A11', sender, is_from_me: false, text, created_at: '2026-03-02T18:04:11.512Z',
  attachments: [], reactions: [], chat_identifier: sender, chat_guid: `iMessage;-;${sender}`, chat_name: '', participants: [sender], is_group: false,
});
const group = (chatId: number, sender: string, text = 'hello all', isGroup = true) => ({
  id: 4822, chat_id: chatId, guid: '0F1E2D3C-4B5A-4968-8776-655443322110', sender, is_from_me: false, text, created_at: '2026-03-02T18:05:00.000Z',
  attachments: [], reactions: [], chat_identifier: `chat${chatId}`, chat_guid: `iMessage;+;chat${chatId}`, chat_name: 'Team', participants: [OWNER, OTHER], is_group: isGroup,
});

type Decision = { decision: string; reason: string | null; chatType: string; agentId: string | null; steps: { step: string; outcome: string; detail: string }[] };

async function explain(name: string, payload: object, ...args: string[]): Promise<Decision> {
  const r = await execa(process.execPath, [CLI_BIN, 'explain', '--json', '--config', fixture(name), '--state-dir', stateDir, ...args], { input: JSON.stringify(payload), reject: false, env });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as Decision;
}

async function validate(name: string): Promise<{ ok: boolean; warnings: { path: string; message: string }[] }> {
  const r = await execa(process.execPath, [CLI_BIN, 'config', 'validate', '--json', '--config', fixture(name), '--state-dir', stateDir], { reject: false, env });
  const out = JSON.parse(r.stdout) as { ok: boolean; warnings: { path: string; message: string }[] };
  expect([r.exitCode, out.ok]).toEqual([0, true]);
  return out;
}

async function config(name: string) {
  const r = validateConfig(JSON5.parse(await fs.readFile(fixture(name), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

const warningPaths = async (name: string) => (await validate(name)).warnings.map((w) => w.path);
const PAIRING = { decision: 'pairing', reason: 'pairing required', chatType: 'direct' };
const EMPTY_GROUP_LIST = { decision: 'drop', reason: 'groupPolicy allowlist (empty groupAllowFrom)' };

describe('docs configs', () => {
  it('every fixture file has a test below', async () => {
    const files = (await fs.readdir(FIXTURES)).filter((f) => f.endsWith('.json5')).sort();
    expect(files).toEqual(Object.keys(CASES).sort());
  });

  const CASES: Record<string, () => Promise<void>> = {
    'acp-binding.json5': async () => {
      expect(await warningPaths('acp-binding.json5')).toEqual(['channels.imessage']);
      // No channels.imessage: groups fall back to "allowlist" with no sender list (docs' runtime note).
      expect(await explain('acp-binding.json5', group(123, OWNER))).toMatchObject({ ...EMPTY_GROUP_LIST, chatType: 'group' });
      const c = await config('acp-binding.json5');
      expect(resolveAgentRoute(c, 'default', { kind: 'group', id: '123' })).toMatchObject({ agentId: 'codex', matchedBy: 'acp binding', binding: { id: 'default/chat_id:123', label: 'codex-group', source: 'config' } });
      expect(new AgentRegistry(c, { stateDir, env: {} }).resolve({ accountId: 'default', peer: { kind: 'group', id: '123' } })).toMatchObject({ agentId: null, reason: 'ACP runtime not available' });
    },
    'minimal.json5': async () => {
      expect(await warningPaths('minimal.json5')).toEqual(['agents.list']);
      expect(await explain('minimal.json5', dm(OWNER))).toMatchObject(PAIRING);
      expect(resolveAccount(await config('minimal.json5')).dbPath).toBe('/Users/<you>/Library/Messages/chat.db');
    },
    'config-writes-off.json5': async () => {
      await validate('config-writes-off.json5');
      expect(resolveAccount(await config('config-writes-off.json5')).configWrites).toBe(false);
      expect(await explain('config-writes-off.json5', dm(OWNER))).toMatchObject(PAIRING);
    },
    'bot-account.json5': async () => {
      await validate('bot-account.json5');
      const bot = resolveAccount(await config('bot-account.json5'), 'bot');
      expect([bot.cliPath, bot.enabled]).toEqual(['/path/to/imsg-bot', true]);
      expect(await explain('bot-account.json5', dm(OWNER), '--account', 'bot')).toMatchObject(PAIRING);
    },
    'remote-attachments.json5': async () => {
      await validate('remote-attachments.json5');
      const a = resolveAccount(await config('remote-attachments.json5'));
      expect([a.remoteHost, a.includeAttachments]).toEqual(['user@gateway-host', true]);
      expect(await explain('remote-attachments.json5', dm(OWNER))).toMatchObject(PAIRING);
    },
    'tailscale.json5': async () => {
      await validate('tailscale.json5');
      expect(resolveAccount(await config('tailscale.json5')).remoteHost).toBe('bot@mac-mini.tailnet-1234.ts.net');
      expect(await explain('tailscale.json5', dm(OWNER))).toMatchObject(PAIRING);
    },
    'groupish-thread.json5': async () => {
      await validate('groupish-thread.json5');
      // is_group=false, but chat 42 has its own groups entry: a group, no mention needed.
      expect(await explain('groupish-thread.json5', group(42, OWNER, 'no mention here', false))).toMatchObject({ decision: 'dispatch', chatType: 'group' });
      expect(await explain('groupish-thread.json5', group(42, OTHER, 'hi', false))).toMatchObject({ decision: 'drop', reason: 'not in groupAllowFrom', chatType: 'group' });
    },
    'group-allowlist-recommended.json5': async () => {
      await validate('group-allowlist-recommended.json5');
      expect(await explain('group-allowlist-recommended.json5', group(55, OTHER))).toMatchObject({ decision: 'drop', reason: 'not in groupAllowFrom' });
      const owner = await explain('group-allowlist-recommended.json5', group(55, OWNER));
      expect(owner.steps.find((s) => s.step === 'group allowlist')).toMatchObject({ outcome: 'pass', detail: 'groups has a "*" entry that admits every chat' });
    },
    'group-no-mention.json5': async () => {
      await validate('group-no-mention.json5');
      expect(await explain('group-no-mention.json5', group(123, '+15555550124', 'plain text'))).toMatchObject({ decision: 'dispatch', chatType: 'group' });
      expect(await explain('group-no-mention.json5', group(123, OTHER))).toMatchObject({ decision: 'drop', reason: 'not in groupAllowFrom' });
    },
    'clawdbot-imessage.json5': async () => {
      const { warnings } = await validate('clawdbot-imessage.json5');
      expect(warnings[0]).toEqual({ path: 'imessage', message: 'deprecated top-level key; read as channels.imessage (move it there)' });
      expect(await explain('clawdbot-imessage.json5', dm(OWNER))).toMatchObject({ decision: 'dispatch', chatType: 'direct' });
      expect(await explain('clawdbot-imessage.json5', dm(OTHER))).toMatchObject(PAIRING);
      // groupPolicy "open": anyone in any group.
      expect(await explain('clawdbot-imessage.json5', group(123, OTHER))).toMatchObject({ decision: 'dispatch', chatType: 'group' });
    },
    'routing-mention-patterns.json5': async () => {
      const { warnings } = await validate('routing-mention-patterns.json5');
      expect(warnings.slice(0, 2)).toEqual([
        { path: 'imessage', message: 'deprecated top-level key; read as channels.imessage (move it there)' },
        { path: 'routing.groupChat.mentionPatterns', message: 'deprecated key; read as messages.groupChat.mentionPatterns (move it there)' },
      ]);
      expect(resolveMentionPatterns(await config('routing-mention-patterns.json5'), 'main').patterns).toEqual(['@clawd', 'clawdbot', '\\+15555550123']);
      expect(await explain('routing-mention-patterns.json5', group(42, OWNER, 'hey clawdbot'))).toMatchObject(EMPTY_GROUP_LIST);
    },
    'groups-mention-gating.json5': async () => {
      expect(await warningPaths('groups-mention-gating.json5')).toEqual([]);
      expect(resolveMentionPatterns(await config('groups-mention-gating.json5'), 'main').patterns).toEqual(['@openclaw', 'openclaw', '\\+15555550123']);
      // Default groupPolicy "allowlist" and no groupAllowFrom/allowFrom: every group sender is blocked.
      expect(await explain('groups-mention-gating.json5', group(123, OWNER, '@openclaw hi'))).toMatchObject(EMPTY_GROUP_LIST);
      expect(await explain('groups-mention-gating.json5', dm(OWNER))).toMatchObject(PAIRING);
    },
    'per-group-allow-from.json5': async () => {
      await validate('per-group-allow-from.json5');
      const own = await explain('per-group-allow-from.json5', group(77, OWNER));
      expect(own).toMatchObject({ decision: 'drop', reason: 'not in groupAllowFrom' });
      expect(own.steps.at(-1)?.detail).toBe(`sender ${OWNER} is not in groups["77"].allowFrom`);
      const other = await explain('per-group-allow-from.json5', group(77, '+15555550199'));
      expect(other).toMatchObject({ decision: 'dispatch' });
      expect(other.steps.find((s) => s.step === 'group access')?.detail).toBe('sender +15555550199 is allowed by groups["77"].allowFrom entry "+15555550199"');
      expect(await explain('per-group-allow-from.json5', group(42, OWNER))).toMatchObject({ decision: 'dispatch' });
      expect(await explain('per-group-allow-from.json5', group(42, '+15555550199'))).toMatchObject({ decision: 'drop', reason: 'not in groupAllowFrom' });
    },
    'channels-defaults-group-policy.json5': async () => {
      await validate('channels-defaults-group-policy.json5');
      expect(resolveAccount(await config('channels-defaults-group-policy.json5')).groupPolicy).toBe('open');
      expect(await explain('channels-defaults-group-policy.json5', group(42, OTHER))).toMatchObject({ decision: 'dispatch', chatType: 'group' });
    },
    'no-imessage-section.json5': async () => {
      expect(await validate('no-imessage-section.json5')).toMatchObject({ warnings: [{ path: 'channels.imessage', message: 'missing; defaulting groupPolicy to "allowlist" (group messages blocked until explicitly configured)' }, { path: 'agents.list' }] });
      expect(resolveAccount(await config('no-imessage-section.json5')).groupPolicy).toBe('allowlist');
      expect(await explain('no-imessage-section.json5', group(42, OTHER))).toMatchObject(EMPTY_GROUP_LIST);
    },
  };

  for (const [name, run] of Object.entries(CASES)) it(name, run, 20_000);
});
