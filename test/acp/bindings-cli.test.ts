// `explain` names the binding that matched (config or chat-made), and `bindings list|close` work
// from the state dir when no app runs.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BindingStore, readChatBindings } from '../../electron/core/acp/binding-store.js';
import { CLI_BIN } from '../helpers/bins.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'cli-bindings-'));
  await fs.writeFile(
    join(dir, 'config.json5'),
    JSON.stringify({
      channels: { imessage: { dmPolicy: 'open', allowFrom: ['*'], groupPolicy: 'open' } },
      agents: { list: [{ id: 'main', default: true, backend: { type: 'echo' } }, { id: 'codex', runtime: { type: 'acp', acp: { agent: 'codex', backend: 'acpx' } } }] },
      bindings: [{ type: 'acp', agentId: 'codex', match: { channel: 'imessage', accountId: 'default', peer: { kind: 'group', id: 'chat_guid:iMessage;+;chat817' } }, acp: { label: 'climbers' } }],
    }),
  );
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const cli = (args: string[], input?: string) => execa(process.execPath, [CLI_BIN, ...args, '--state-dir', dir], { input, reject: false, env: { IMSG_COMPANION_STATE_DIR: '', IMSG_COMPANION_CONFIG: '' } });
const group = { id: 1, chat_id: 42, guid: 'G1', sender: '+15550002222', is_from_me: false, text: 'hello all', created_at: '2026-03-02T18:05:00.000Z', chat_identifier: 'chat817', chat_guid: 'iMessage;+;chat817', chat_name: 'Climbing', participants: ['+15550002222'], is_group: true };
const dm = { id: 2, chat_id: 17, guid: 'D1', sender: '+15550001111', is_from_me: false, text: 'hi', created_at: '2026-03-02T18:05:00.000Z', chat_identifier: '+15550001111', is_group: false };
const chatBinding = { id: 'default/+15550001111', source: 'chat' as const, agentId: 'codex', accountId: 'default', peer: { kind: 'direct' as const, id: '+15550001111' }, createdAt: '2026-03-02T18:00:00.000Z' };

describe('explain and bindings CLI', () => {
  it('explain shows the config binding matched by chat_guid, and a chat-made binding from the state dir', async () => {
    const g = JSON.parse((await cli(['explain', '--json'], JSON.stringify(group))).stdout) as { agentId: string; steps: Array<{ step: string; detail: string }> };
    expect(g.agentId).toBe('codex');
    expect(g.steps.find((s) => s.step === 'route')?.detail).toBe('agent "codex" (acp binding from the config: default/chat_guid:iMessage;+;chat817 "climbers"), session agent:codex:imessage:group:42');
    expect(JSON.parse((await cli(['explain', '--json'], JSON.stringify(dm))).stdout)).toMatchObject({ agentId: 'main' });
    await new BindingStore(dir).add(chatBinding);
    const d = JSON.parse((await cli(['explain', '--json'], JSON.stringify(dm))).stdout) as { agentId: string; steps: Array<{ step: string; detail: string }> };
    expect(d.agentId).toBe('codex');
    expect(d.steps.find((s) => s.step === 'route')?.detail).toContain('acp binding made in this chat: default/+15550001111');
  });

  it('bindings list (offline) shows config and chat bindings; close removes a chat binding, refuses a config one', async () => {
    await new BindingStore(dir).add(chatBinding);
    const list = await cli(['bindings', 'list', '--json']);
    expect(list.exitCode).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({
      running: false,
      bindings: [
        { id: 'default/+15550001111', source: 'chat', agentId: 'codex', state: 'closed', conversation: '+15550001111' },
        { id: 'default/chat_guid:iMessage;+;chat817', source: 'config', agentId: 'codex', label: 'climbers', state: 'closed' },
      ],
    });
    expect((await cli(['bindings', 'list'])).stdout).toContain('default/chat_guid:iMessage;+;chat817 "climbers": agent codex, closed, no session yet');
    const refuse = await cli(['bindings', 'close', 'default/chat_guid:iMessage;+;chat817']);
    expect(refuse).toMatchObject({ exitCode: 1, stderr: 'default/chat_guid:iMessage;+;chat817 is a config binding: remove it from bindings[] to unbind.' });
    expect(await cli(['bindings', 'close', 'default/+15550001111'])).toMatchObject({ exitCode: 0, stdout: 'Removed default/+15550001111.' });
    expect(readChatBindings(dir).bindings).toEqual([]);
    expect((await cli(['bindings', 'close', 'nope'])).exitCode).toBe(1);
    expect((await cli(['bindings', 'frob'])).exitCode).toBe(2);
  });

  it('doctor checks that an ACP agent\'s command is found', async () => {
    const out = (await cli(['doctor', '--config', join(dir, 'config.json5')])).stdout;
    expect(out).toContain('✗ agent codex (acp): ACP agent "codex": codex-acp not found on PATH (install @zed-industries/codex-acp, or set runtime.acp.command)');
  });
});
