import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetBinaryFacts } from '../../../electron/core/imsg/binary-facts.js';
import { ImsgClient } from '../../../electron/core/imsg/rpc-client.js';
import { CHECKS_AFTER_MS, startProbe } from '../../../electron/core/imsg/start-probe.js';
import { writeFakeCli, type FakeCliMode } from './fake-cli.js';

let dir: string;
const clients: ImsgClient[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imsg-start-probe-'));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop().catch(() => undefined)));
  forgetBinaryFacts();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fake imsg of `mode`, its run log, and a client of it, as the supervisor would make one. */
async function world(mode: FakeCliMode, name: string): Promise<{ cli: string; env: NodeJS.ProcessEnv; runs: () => Promise<string[]>; client: () => ImsgClient }> {
  const cli = await writeFakeCli(dir, mode, name);
  const log = join(dir, `${name}.log`);
  const env = { ...process.env, FAKE_LOG: log, FAKE_PIDFILE: join(dir, `${name}.pid`) };
  const runs = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as string[]).join(' '));
  const client = (): ImsgClient => {
    const c = new ImsgClient({ cliPath: cli, env, firstRequestTimeoutMs: 5000, requestTimeoutMs: 5000 });
    clients.push(c);
    return c;
  };
  return { cli, env, runs, client };
}

describe('startProbe (an account start)', () => {
  it('asks a fresh imsg only its rpc session; the version is learned afterwards, once, and kept', async () => {
    const w = await world('legacy', 'fresh');
    const file = join(dir, 'facts-fresh.json');
    const first = await startProbe({ cliPath: w.cli, env: w.env, timeoutMs: 5000, binaryFactsFile: file }, w.client());
    expect(first).toMatchObject({ ok: true, fields: { ok: true, rpcSupported: true, protocol: 'legacy' } });
    expect(first.fields.version).toBeUndefined();
    expect(await w.runs()).toEqual(['rpc']);
    expect((await first.learnVersion?.())?.version).toBe('0.9.0');
    expect(await w.runs()).toEqual(['rpc', '--version']);
    // Another app start (memory forgotten, the file kept): the version is known, nothing extra runs.
    forgetBinaryFacts();
    const again = await startProbe({ cliPath: w.cli, env: w.env, timeoutMs: 5000, binaryFactsFile: file }, w.client());
    expect(again).toMatchObject({ ok: true, fields: { version: '0.9.0' } });
    expect(again.learnVersion).toBeUndefined();
    expect(await w.runs()).toEqual(['rpc', '--version', 'rpc']);
  });

  it('takes the version from initialize when imsg speaks protocol v1', async () => {
    const w = await world('v1', 'v1');
    const outcome = await startProbe({ cliPath: w.cli, env: w.env, timeoutMs: 5000 }, w.client());
    expect(outcome).toMatchObject({ ok: true, fields: { version: '0.14.1', protocol: 'v1' } });
    expect((await outcome.learnVersion?.())?.version).toBe('0.14.1');
    expect(await w.runs()).toEqual(['rpc']);
  });

  it('an imsg without rpc: the failed session brings the checks, which make it fatal', async () => {
    const w = await world('old-help', 'old');
    const outcome = await startProbe({ cliPath: w.cli, env: w.env, timeoutMs: 5000 }, w.client());
    expect(outcome).toMatchObject({ ok: false, fields: { fatal: true, rpcSupported: false, cause: { kind: 'rpc-unsupported' } } });
    expect((await w.runs()).sort()).toEqual(['--version', 'rpc', 'rpc --help']);
  });

  it('a silent session of an imsg without rpc is fatal once the checks (started after a while) say so', async () => {
    const w = await world('old-hang', 'old-hang');
    const started = Date.now();
    const outcome = await startProbe({ cliPath: w.cli, env: w.env, timeoutMs: 5000 }, w.client());
    expect(outcome).toMatchObject({ ok: false, fields: { fatal: true, cause: { kind: 'rpc-unsupported' } } });
    // Not the 5 s request timeout: the checks began after CHECKS_AFTER_MS.
    expect(Date.now() - started).toBeGreaterThanOrEqual(CHECKS_AFTER_MS);
    expect(Date.now() - started).toBeLessThan(4500);
  });

  it('a binary known to lack rpc is fatal without a session', async () => {
    const w = await world('old-help', 'known-old');
    const file = join(dir, 'facts-old.json');
    await startProbe({ cliPath: w.cli, env: w.env, timeoutMs: 5000, binaryFactsFile: file }, w.client());
    const before = (await w.runs()).length;
    forgetBinaryFacts();
    const outcome = await startProbe({ cliPath: w.cli, env: w.env, timeoutMs: 5000, binaryFactsFile: file }, w.client());
    expect(outcome).toMatchObject({ ok: false, fields: { fatal: true } });
    expect((await w.runs()).length).toBe(before);
  });

  it('a missing imsg is "not found", with nothing spawned', async () => {
    const missing = join(dir, 'no-imsg');
    const client = new ImsgClient({ cliPath: missing });
    clients.push(client);
    const outcome = await startProbe({ cliPath: missing, timeoutMs: 2000 }, client);
    expect(outcome).toMatchObject({ ok: false, fields: { fatal: false, error: `imsg not found (${missing})`, cause: { kind: 'not-found' } } });
    expect(client.pid).toBeUndefined();
  });
});
