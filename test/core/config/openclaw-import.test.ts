// `config import --openclaw` over the built CLI, on a fixture OpenClaw home (config + credentials):
// our config and pairing store come out; what is left out is listed; a typo gets "did you mean".
import { cpSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import JSON5 from 'json5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairingStore } from '../../../electron/core/pairing/store.js';
import { CLI_BIN } from '../../helpers/bins.js';

const FIXTURE_HOME = join(import.meta.dirname, '..', '..', 'fixtures', 'openclaw-home');
let home: string;
let state: string;
let config: string;
beforeEach(async () => {
  const root = await fs.mkdtemp(join(tmpdir(), 'oc-import-'));
  home = join(root, 'home');
  state = join(root, 'state');
  config = join(state, 'config.json5');
  cpSync(FIXTURE_HOME, home, { recursive: true });
});
afterEach(async () => {
  await fs.rm(join(home, '..'), { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IMSG_COMPANION_') && !k.startsWith('OPENCLAW_')));
  return execa(process.execPath, [CLI_BIN, 'config', ...args, '--state-dir', state], { reject: false, env: { ...clean, HOME: home, ...env }, extendEnv: false });
}

const exists = (p: string) => fs.stat(p).then(() => true, () => false);

describe('config import --openclaw', () => {
  it('--dry-run prints the config, the approvals and what is left out, and writes nothing', async () => {
    const r = await cli(['import', '--openclaw', '--dry-run']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`Dry run: nothing written. ${config} would contain:`);
    expect(r.stdout).toContain('Approved senders that would be imported: default: 3, work: 1.');
    expect(await exists(state)).toBe(false);
  });

  it('imports the default ~/.openclaw config and the iMessage approvals; the result validates and keeps the docs meaning', async () => {
    const r = await cli(['import', '--openclaw']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const source = join(home, '.openclaw', 'openclaw.json');
    expect(r.stdout.split('\n')[0]).toBe(`Imported iMessage settings from ${source} into ${config}.`);
    expect(r.stdout).toContain('Approved senders imported: default: 3 new of 3, work: 1 new of 1.');
    const leftOut = r.stdout.slice(r.stdout.indexOf('Left out:')).split('\n');
    for (const line of [
      '  gateway: gateway server settings; imsg Companion runs without a gateway',
      '  models: model providers; give each agent a backend (openai, webhook or command) instead',
      '  channels.telegram: another messenger; imsg Companion is for iMessage only',
      '  bindings[1]: binding for channel telegram, not iMessage',
      '  agents.defaults: OpenClaw agent defaults (model, workspace…); not used by imsg Companion',
      '  messages.ackReaction: not used by imsg Companion',
      '  session.mainKey: not used by imsg Companion',
      '  commands.native: OpenClaw command; not in imsg Companion',
      '  channels.imessage.groups.42.systemPrompt: not supported by imsg Companion',
      `  ${join(home, '.openclaw', 'credentials', 'imessage-pairing.json')}: pending pairing requests are not imported; those senders get a new code when they write again`,
    ]) {
      expect(leftOut).toContain(line);
    }
    expect(leftOut.join('\n')).toMatch(/agents\.list\[0\]\.backend: agent "main" answered with OpenClaw's model providers/);
    expect(r.stdout).not.toContain('not-a-real-token');

    const written = JSON5.parse(await fs.readFile(config, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written).sort()).toEqual(['agents', 'bindings', 'channels', 'commands', 'messages', 'session']);
    expect(written).toMatchObject({
      channels: { defaults: { groupPolicy: 'allowlist' }, imessage: { cliPath: '/opt/homebrew/bin/imsg', groups: { '42': { requireMention: false, allowFrom: ['+15555550177'] } }, accounts: { work: {} } } },
      agents: { list: [{ id: 'main', name: 'Molly', default: true, groupChat: { mentionPatterns: ['@molly', 'molly'] } }, { id: 'codex', runtime: { type: 'acp' } }] },
      messages: { responsePrefix: 'auto', groupChat: { mentionPatterns: ['@bot'], historyLimit: 40 } },
      session: { dmScope: 'per-channel-peer' },
      commands: { config: true },
      bindings: [{ type: 'acp', agentId: 'codex', acp: { label: 'codex-group' } }],
    });
    const validate = await cli(['validate']);
    expect([validate.exitCode, validate.stdout.split('\n')[0]]).toEqual([0, `Config OK: ${config}`]);

    const store = new PairingStore({ stateDir: state });
    expect((await store.readApproved('default')).sort()).toEqual(['+15555550101', '+15555550102', 'friend@example.com']);
    expect(await store.readApproved('work')).toEqual(['+15555550201']);
    expect(await store.listPending()).toEqual([]);
  });

  it('never overwrites an existing config without --force; --force keeps the old one as .bak', async () => {
    await fs.mkdir(state, { recursive: true });
    await fs.writeFile(config, '{ channels: { imessage: { dmPolicy: "disabled" } } }');
    const refused = await cli(['import', '--openclaw']);
    expect([refused.exitCode, refused.stderr.trim()]).toEqual([1, `${config} already exists; not overwritten. Re-run with --force (the current file is kept as ${config}.bak), or --dry-run to see the result.`]);
    expect(await fs.readFile(config, 'utf8')).toBe('{ channels: { imessage: { dmPolicy: "disabled" } } }');
    const forced = await cli(['import', '--openclaw', '--force']);
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout.split('\n')[0]).toContain(`(previous version: ${config}.bak)`);
    expect(await fs.readFile(`${config}.bak`, 'utf8')).toBe('{ channels: { imessage: { dmPolicy: "disabled" } } }');
  });

  it('reads a Clawdbot config (top-level imessage, routing.groupChat.mentionPatterns) and $OPENCLAW_STATE_DIR first', async () => {
    await fs.rm(join(home, '.openclaw'), { recursive: true });
    const r = await cli(['import', '--openclaw']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`from ${join(home, '.clawdbot', 'clawdbot.json')}`);
    expect(JSON5.parse(await fs.readFile(config, 'utf8'))).toMatchObject({ channels: { imessage: { groupPolicy: 'open' } }, messages: { groupChat: { mentionPatterns: ['@clawd', 'clawdbot'] } } });

    const other = join(home, 'elsewhere');
    await fs.mkdir(other);
    await fs.writeFile(join(other, 'openclaw.json'), '{ channels: { imessage: { dmPolicy: "disabled" } } }');
    const viaEnv = await cli(['import', '--openclaw', '--dry-run'], { OPENCLAW_STATE_DIR: other });
    expect(viaEnv.stdout).toContain('"disabled"');
  });

  it('a typo in an imported key stops the import with "did you mean", and writes nothing', async () => {
    const file = join(home, 'typo.json');
    await fs.writeFile(file, '{ gateway: {}, channels: { imessage: { dmPolcy: "open", groupPolicy: "allow-list" } } }');
    const r = await cli(['import', '--openclaw', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `Cannot import ${file}: 2 problems (nothing was written)`,
      '  channels.imessage.groupPolicy: expected one of open|allowlist|disabled, got "allow-list" (did you mean "allowlist"?)',
      '  channels.imessage.dmPolcy: unknown key (did you mean "dmPolicy"?)',
    ]);
    expect(await exists(state)).toBe(false);
  });

  it('no OpenClaw config anywhere, a missing --openclaw, and a whole OpenClaw file given as --config are clear errors', async () => {
    await fs.rm(join(home, '.openclaw'), { recursive: true });
    await fs.rm(join(home, '.clawdbot'), { recursive: true });
    const none = await cli(['import', '--openclaw']);
    expect([none.exitCode, none.stderr]).toEqual([1, expect.stringMatching(/^No OpenClaw or Clawdbot config found \(looked for .*\.openclaw\/openclaw\.json, .*\.clawdbot\/clawdbot\.json\)/)]);
    expect((await cli(['import'])).stderr).toContain('config import needs --openclaw');
    cpSync(FIXTURE_HOME, join(home, 'copy'), { recursive: true });
    const whole = await cli(['validate', '--config', join(home, 'copy', '.openclaw', 'openclaw.json')]);
    expect(whole.exitCode).toBe(1);
    expect(whole.stderr).toContain('this looks like a whole OpenClaw/Clawdbot config (it has gateway, models, auth, plugins, …); imsg Companion reads only the iMessage part: convert it with `imsg-companion config import --openclaw <file>`');
  });
});
