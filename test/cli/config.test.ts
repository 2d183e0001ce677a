// `imsg-companion config …` over the real built binary, with --state-dir pointing at a temp dir.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import JSON5 from 'json5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN } from '../helpers/bins.js';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'cli-config-'));
  path = join(dir, 'config.json5');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Run the CLI with a clean environment (no IMSG_COMPANION_* from the developer's shell). */
function cli(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IMSG_COMPANION_')));
  return execa(process.execPath, [CLI_BIN, 'config', ...args], { reject: false, env: { ...clean, ...env }, extendEnv: false });
}
const inDir = (...args: string[]) => cli([...args, '--state-dir', dir]);

describe('config path', () => {
  it('prints <state dir>/config.json5, or --config, or $IMSG_COMPANION_CONFIG', async () => {
    expect((await cli(['path', '--state-dir', dir])).stdout).toBe(path);
    expect((await cli(['--config', join(dir, 'x.json5'), 'path'])).stdout).toBe(join(dir, 'x.json5'));
    expect((await cli(['path'], { IMSG_COMPANION_CONFIG: join(dir, 'env.json5') })).stdout).toBe(join(dir, 'env.json5'));
  });
});

describe('config validate', () => {
  it('a missing file is an error (also with --config); a valid one passes, with its warnings', async () => {
    const missing = await inDir('validate');
    expect([missing.exitCode, missing.stdout, missing.stderr]).toEqual([1, '', `Config not found: no config file at ${path} (create one with \`imsg-companion init\` or \`imsg-companion config import --openclaw\`)`]);
    const flag = await cli(['validate', '--config', join(dir, 'missing.json5')]);
    expect([flag.exitCode, flag.stdout]).toEqual([1, '']);
    expect(flag.stderr).toContain(`no config file at ${join(dir, 'missing.json5')}`);
    await fs.writeFile(path, '{ channels: { imessage: { dmPolicy: "open", allowFrom: ["*"] } } }');
    const ok = await inDir('validate');
    expect([ok.exitCode, ok.stdout]).toEqual([0, `Config OK: ${path}\nWarnings (the config loads, but check these):\n  agents.list: no agent configured: messages are received but never answered (add one under agents.list)`]);
  });

  it('lists every problem with its key path and exits 1', async () => {
    await fs.writeFile(path, '{ wat: 1, channels: { imessage: { dmPolicy: "sometimes", remoteHost: "-oProxyCommand=x", accounts: { work: { bogus: 1 } } } } }');
    const result = await inDir('validate');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      `Config invalid: ${path} (4 problems)`,
      '  channels.imessage.remoteHost: expected SSH host or user@host (no spaces/options)',
      '  channels.imessage.dmPolicy: expected one of pairing|allowlist|open|disabled, got "sometimes"',
      '  channels.imessage.accounts.work.bogus: unknown key',
      '  wat: unknown key',
    ]);
  });

  it('--json prints ok, path and issues', async () => {
    await fs.writeFile(path, '{ channels: { imessage: { mediaMaxMb: 0 } } }');
    const bad = await inDir('validate', '--json');
    expect([bad.exitCode, JSON.parse(bad.stdout)]).toEqual([1, { ok: false, path, issues: [{ path: 'channels.imessage.mediaMaxMb', message: 'expected an integer > 0' }], warnings: [] }]);
    await fs.writeFile(path, '{ channels: { imessage: {} }, agents: { list: [{ id: "main", backend: { type: "echo" } }] } }');
    const good = await inDir('validate', '--json');
    expect([good.exitCode, JSON.parse(good.stdout)]).toEqual([0, { ok: true, path, issues: [], warnings: [] }]);
  });

  it('names line and column of a JSON5 syntax error', async () => {
    await fs.writeFile(path, '{\n  channels: {\n    imessage: { dmPolicy: open }\n  }\n}\n');
    const result = await inDir('validate');
    expect([result.exitCode, result.stderr]).toEqual([1, `Config invalid: ${path} (1 problem)\n  JSON5 syntax error at line 3, column 27: invalid character 'o'`]);
  });
});

describe('config get / set / unset', () => {
  it('sets, gets and unsets values, keeping the previous version as .bak', async () => {
    const set = await inDir('set', 'channels.imessage.allowFrom', '["*", 15550001111]');
    expect([set.exitCode, set.stdout]).toEqual([0, `Set channels.imessage.allowFrom in ${path}`]);
    expect((await inDir('set', 'channels.imessage.dmPolicy', 'open')).exitCode).toBe(0);
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toContain('15550001111');
    const get = await inDir('get', 'channels.imessage');
    expect([get.exitCode, JSON.parse(get.stdout)]).toEqual([0, { allowFrom: ['*', 15550001111], dmPolicy: 'open' }]);
    expect((await inDir('get', 'channels.imessage.allowFrom[1]')).stdout).toBe('15550001111');
    const unset = await inDir('unset', 'channels.imessage.allowFrom[1]');
    expect([unset.exitCode, unset.stdout]).toEqual([0, `Unset channels.imessage.allowFrom[1] in ${path} (previous version: ${path}.bak)`]);
    expect(JSON5.parse(await fs.readFile(path, 'utf8'))).toEqual({ channels: { imessage: { allowFrom: ['*'], dmPolicy: 'open' } } });
    const again = await inDir('unset', 'channels.imessage.region');
    expect([again.exitCode, again.stdout]).toEqual([0, 'not set: channels.imessage.region (nothing to do)']);
  });

  it('get of an unset key exits 1 with "not set: KEY"', async () => {
    const result = await inDir('get', 'channels.imessage.dmPolicy');
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([1, '', 'not set: channels.imessage.dmPolicy']);
  });

  it('get reads a schema-invalid file as written, but not a broken one', async () => {
    await fs.writeFile(path, '{ channels: { imessage: { dmPolicy: "sometimes" } } }');
    expect((await inDir('get', 'channels.imessage.dmPolicy')).stdout).toBe('"sometimes"');
    await fs.writeFile(path, '{ channels: ');
    const broken = await inDir('get', 'channels');
    expect([broken.exitCode, broken.stderr]).toEqual([1, `Cannot use ${path}:\n  JSON5 syntax error at line 1, column 13: invalid end of input`]);
  });

  it('refuses an invalid set with the issues and leaves the file byte-identical', async () => {
    const original = '// my comment\n{ channels: { imessage: { allowFrom: ["+15550001111"] } } }\n';
    await fs.writeFile(path, original);
    const result = await inDir('set', 'channels.imessage.dmPolicy', 'open');
    expect([result.exitCode, result.stderr]).toEqual([
      1,
      `Not changed: channels.imessage.dmPolicy (${path} left as it was):\n  channels.imessage.allowFrom: channels.imessage.dmPolicy="open" requires channels.imessage.allowFrom to include "*"`,
    ]);
    const negative = await cli(['--state-dir', dir, 'set', 'channels.imessage.historyLimit', '--', '-1']);
    expect([negative.exitCode, negative.stderr.split('\n')[1]]).toEqual([1, '  channels.imessage.historyLimit: expected an integer >= 0']);
    expect(await fs.readFile(path, 'utf8')).toBe(original);
    await expect(fs.access(`${path}.bak`)).rejects.toThrow();
  });

  it('loses no write when several CLI processes set keys at once', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    const results = await Promise.all(ids.map((id) => inDir('set', `channels.imessage.accounts.${id}.region`, 'DE')));
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0, 0]);
    const accounts = (JSON5.parse(await fs.readFile(path, 'utf8')) as { channels: { imessage: { accounts: object } } }).channels.imessage.accounts;
    expect(Object.keys(accounts).sort()).toEqual(ids);
  });
});

describe('usage', () => {
  it.each([
    [[], 'missing subcommand'],
    [['frob'], "unknown subcommand 'frob'"],
    [['get'], "'config get' takes KEY"],
    [['set', 'a'], "'config set' takes KEY VALUE"],
    [['get', 'a', '--json'], '--json is only for config validate'],
    [['get', 'a..b'], 'invalid key path "a..b": empty segment'],
    [['validate', '--bogus'], "Unknown option '--bogus'"],
  ])('%j exits 2 with %s', async (args, message) => {
    const result = await inDir(...args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('--help explains the subcommands and that rewrites drop comments', async () => {
    const result = await cli(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('validate [--json]');
    expect(result.stdout).toContain('comments and formatting in it are NOT preserved');
  });
});
