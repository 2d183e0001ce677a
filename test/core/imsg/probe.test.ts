import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetBinaryFacts } from '../../../electron/core/imsg/binary-facts.js';
import { probeImsg } from '../../../electron/core/imsg/probe.js';
import { parseVersion, versionBefore } from '../../../electron/core/imsg/rpc-support.js';
import { writeFakeCli } from './fake-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imsg-probe-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('probeImsg', () => {
  it('reports a missing binary as not found, not fatal', async () => {
    const result = await probeImsg({ cliPath: join(dir, 'nope'), timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, fatal: false, error: `imsg not found (${join(dir, 'nope')})`, cause: { kind: 'not-found' } });
    const bare = await probeImsg({ cliPath: 'imsg-definitely-missing', env: { PATH: dir }, timeoutMs: 2000 });
    expect(bare).toMatchObject({ ok: false, fatal: false, cause: { kind: 'not-found' } });
    expect(bare.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('is fatal when `rpc --help` says unknown command', async () => {
    const cli = await writeFakeCli(dir, 'old-help');
    const result = await probeImsg({ cliPath: cli, timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: false, fatal: true, rpcSupported: false, error: 'imsg CLI does not support the "rpc" subcommand (update imsg)', cause: { kind: 'rpc-unsupported' } });
    expect(result.version).toBeUndefined();
  });

  it('is fatal for a version from before `imsg rpc` existed (0.3.0)', async () => {
    const cli = await writeFakeCli(dir, 'old-version');
    expect(await probeImsg({ cliPath: cli, timeoutMs: 5000 })).toMatchObject({ ok: false, fatal: true, version: '0.2.0', cause: { kind: 'rpc-unsupported' } });
  });

  it('gives up on a hanging `rpc --help` after the timeout, not fatal', async () => {
    const cli = await writeFakeCli(dir, 'hang-help');
    // Long enough for `--version` (run beside it) to answer on a busy machine.
    const result = await probeImsg({ cliPath: cli, timeoutMs: 1500 });
    expect(result).toMatchObject({ ok: false, fatal: false, version: '0.9.0', error: 'imsg rpc --help timed out after 1500 ms' });
    expect(result.durationMs).toBeLessThan(4000);
  });

  it('suspects the Contacts wait when `rpc` never answers, and stops the child', async () => {
    const cli = await writeFakeCli(dir, 'hang-rpc');
    const pidFile = join(dir, 'hang.pid');
    const result = await probeImsg({ cliPath: cli, timeoutMs: 1000, env: { ...process.env, FAKE_PIDFILE: pidFile } });
    expect(result).toMatchObject({ ok: false, fatal: false, rpcSupported: true, error: 'imsg rpc timeout (initialize)', cause: { kind: 'contacts-wait' } });
    expect(alive(Number(await readFile(pidFile, 'utf8')))).toBe(false);
  });

  it('succeeds against a 0.9-style imsg: legacy protocol, version, --db passed, found on PATH', async () => {
    await writeFakeCli(dir, 'legacy', 'imsg');
    const log = join(dir, 'legacy.log');
    await writeFile(log, '');
    const result = await probeImsg({ cliPath: 'imsg', dbPath: '/tmp/x/chat.db', timeoutMs: 5000, env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, FAKE_LOG: log } });
    expect(result).toMatchObject({ ok: true, fatal: false, binaryPath: join(dir, 'imsg'), version: '0.9.0', rpcSupported: true, protocol: 'legacy' });
    const calls = (await readFile(log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as string[]);
    // `--version` and `rpc --help` run side by side (either may log first); the session after both.
    expect(calls.slice(0, 2).sort()).toEqual([['--version'], ['rpc', '--help']]);
    expect(calls.slice(2)).toEqual([['rpc', '--db', '/tmp/x/chat.db']]);
  });

  it('detects protocol v1 and its methods', async () => {
    const cli = await writeFakeCli(dir, 'v1');
    expect(await probeImsg({ cliPath: cli, timeoutMs: 5000 })).toMatchObject({ ok: true, protocol: 'v1', version: '0.14.1', methods: ['chats.list', 'initialize', 'status'] });
  });

  it('classifies the startup permission banner as Full Disk Access', async () => {
    const cli = await writeFakeCli(dir, 'fda');
    const result = await probeImsg({ cliPath: cli, timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: false, fatal: false, rpcSupported: true, cause: { kind: 'full-disk-access', detail: 'unable to open database file (code: 14)' } });
    expect(result.error).toContain('Permission Error');
  });
});

describe('one --version and one rpc --help per binary file', () => {
  /** Runs of the fake imsg by kind, from its FAKE_LOG. */
  async function runs(log: string): Promise<{ version: number; help: number; sessions: number }> {
    const calls = (await readFile(log, 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]);
    return {
      version: calls.filter((c) => c[0] === '--version').length,
      help: calls.filter((c) => c[0] === 'rpc' && c.includes('--help')).length,
      sessions: calls.filter((c) => c[0] === 'rpc' && !c.includes('--help')).length,
    };
  }

  async function fakeWithLog(mode: 'legacy' | 'hang-help', name: string): Promise<{ cli: string; env: NodeJS.ProcessEnv; log: string }> {
    const cli = await writeFakeCli(dir, mode, name);
    const log = join(dir, `${name}.log`);
    await writeFile(log, '');
    return { cli, log, env: { ...process.env, FAKE_LOG: log } };
  }

  it('reuses the answers for the same path and mtime, and asks again after the file changed', async () => {
    const { cli, env, log } = await fakeWithLog('legacy', 'imsg-cached');
    expect(await probeImsg({ cliPath: cli, env, timeoutMs: 5000 })).toMatchObject({ ok: true, version: '0.9.0', rpcSupported: true });
    expect(await probeImsg({ cliPath: cli, env, timeoutMs: 5000 })).toMatchObject({ ok: true, version: '0.9.0', rpcSupported: true });
    // Every probe still opens its own session: only the binary's answers are kept.
    expect(await runs(log)).toEqual({ version: 1, help: 1, sessions: 2 });
    const later = new Date(Date.now() + 60_000);
    await utimes(cli, later, later); // `brew upgrade` replaced it in place
    expect(await probeImsg({ cliPath: cli, env, timeoutMs: 5000 })).toMatchObject({ ok: true, version: '0.9.0' });
    expect(await runs(log)).toEqual({ version: 2, help: 2, sessions: 3 });
  });

  it('keeps definite answers in binaryFactsFile across app restarts, for a day', async () => {
    const { cli, env, log } = await fakeWithLog('legacy', 'imsg-stored');
    const binaryFactsFile = join(dir, 'imsg-binaries.json');
    expect(await probeImsg({ cliPath: cli, env, timeoutMs: 5000, binaryFactsFile })).toMatchObject({ ok: true, version: '0.9.0' });
    forgetBinaryFacts(); // a new app process
    expect(await probeImsg({ cliPath: cli, env, timeoutMs: 5000, binaryFactsFile })).toMatchObject({ ok: true, version: '0.9.0', rpcSupported: true });
    expect(await runs(log)).toEqual({ version: 1, help: 1, sessions: 2 });
    const stored = JSON.parse(await readFile(binaryFactsFile, 'utf8')) as Record<string, { at: string }>;
    expect(JSON.stringify(stored)).not.toContain(cli); // keys are hashes: no paths or environment in the file
    for (const entry of Object.values(stored)) entry.at = new Date(Date.now() - 25 * 3600_000).toISOString();
    await writeFile(binaryFactsFile, JSON.stringify(stored));
    forgetBinaryFacts();
    await probeImsg({ cliPath: cli, env, timeoutMs: 5000, binaryFactsFile });
    expect(await runs(log)).toEqual({ version: 2, help: 2, sessions: 3 });
  });

  it('shares one run between probes started together', async () => {
    const { cli, env, log } = await fakeWithLog('legacy', 'imsg-together');
    const results = await Promise.all([probeImsg({ cliPath: cli, env, timeoutMs: 5000 }), probeImsg({ cliPath: cli, env, timeoutMs: 5000 })]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await runs(log)).toMatchObject({ version: 1, help: 1 });
  });

  it('does not keep an answer that was not definite (a timed-out rpc --help)', async () => {
    const { cli, env, log } = await fakeWithLog('hang-help', 'imsg-hang-twice');
    for (let i = 0; i < 2; i++) expect(await probeImsg({ cliPath: cli, env, timeoutMs: 1500 })).toMatchObject({ ok: false, fatal: false, version: '0.9.0', error: 'imsg rpc --help timed out after 1500 ms' });
    // Asked again as a pair (a hung `rpc --help` may be killed before it logs, `--version` always logs).
    expect(await runs(log)).toMatchObject({ version: 2 });
  });
});

describe('version helpers', () => {
  it('parses the first line as semver', () => {
    expect(parseVersion('0.9.0\n')).toBe('0.9.0');
    expect(parseVersion('v0.14.1-beta.2\nmore')).toBe('0.14.1-beta.2');
    expect(parseVersion('imsg 0.9.0')).toBeUndefined();
    expect(parseVersion('')).toBeUndefined();
  });

  it('compares against a floor', () => {
    expect(versionBefore('0.2.9', [0, 3, 0])).toBe(true);
    expect(versionBefore('0.3.0', [0, 3, 0])).toBe(false);
    expect(versionBefore('0.10.0', [0, 9, 0])).toBe(false);
    expect(versionBefore('1.0.0-rc.1', [0, 3, 0])).toBe(false);
  });
});
