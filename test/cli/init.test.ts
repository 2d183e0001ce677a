// `imsg-companion init`: a commented starter config that validates, with the detected imsg and
// chat.db, pairing for strangers, the chosen agent; no questions without a TTY; never overwrites.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSON5 from 'json5';
import { afterEach, describe, expect, it } from 'vitest';
import { World } from '../e2e/serve-harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

/** A world without a config file, a fake imsg on a PATH dir and a HOME with a Messages database. */
async function bare(): Promise<{ w: World; env: Record<string, string> }> {
  world = await World.create();
  const w = world;
  await rm(w.configPath);
  const bin = join(w.dir, 'bin');
  const home = join(w.dir, 'home');
  await mkdir(bin);
  await mkdir(join(home, 'Library', 'Messages'), { recursive: true });
  await writeFile(join(bin, 'imsg'), '#!/bin/sh\necho 0.9.0\n', { mode: 0o755 });
  await writeFile(join(home, 'Library', 'Messages', 'chat.db'), 'SQLite format 3\0');
  return { w, env: { PATH: `${bin}:/usr/bin:/bin`, HOME: home } };
}

describe('imsg-companion init', () => {
  it('writes a commented starter config (detected imsg, chat.db found, pairing, echo agent) that validates; 0600', async () => {
    const { w, env } = await bare();
    const res = await w.cli(['init'], env);
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toContain(`Wrote ${w.configPath}`);
    expect(res.stdout).toContain(`imsg: ${join(w.dir, 'bin', 'imsg')}`);
    const text = await readFile(w.configPath, 'utf8');
    expect(text).toMatch(/^\/\/ imsg Companion config/);
    expect(text).toContain('// Strangers who write get a one-time code');
    expect(text).toContain(`// The Messages database was found at ${join(w.dir, 'home', 'Library', 'Messages', 'chat.db')}`);
    const config = JSON5.parse(text) as { channels: { imessage: Record<string, unknown> }; agents: { list: Array<Record<string, unknown>> } };
    expect(config.channels.imessage).toEqual({ cliPath: join(w.dir, 'bin', 'imsg'), dmPolicy: 'pairing', allowFrom: [], groupPolicy: 'allowlist' });
    expect(config.agents.list).toEqual([{ id: 'assistant', default: true, backend: { type: 'echo', prefix: 'echo: ' } }]);
    expect((await stat(w.configPath)).mode & 0o777).toBe(0o600);
    expect(await w.cli(['config', 'validate'])).toMatchObject({ exitCode: 0 });
  });

  it('never overwrites: a second run fails naming the file, which stays as it was', async () => {
    const { w, env } = await bare();
    await writeFile(w.configPath, '{ /* mine */ }');
    const res = await w.cli(['init', '--agent', 'echo'], env);
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toBe(`imsg-companion init: a config already exists at ${w.configPath}; not overwritten. Edit it, or move it away and run init again.`);
    expect(await readFile(w.configPath, 'utf8')).toBe('{ /* mine */ }');
  });

  it('--agent openai with --api-key-secret refers to the secret store; missing flags are usage errors', async () => {
    const { w, env } = await bare();
    expect(await w.cli(['init', '--agent', 'openai', '--base-url', 'http://127.0.0.1:11434'], env)).toMatchObject({ exitCode: 2, stderr: 'imsg-companion init: --agent openai needs --model' });
    expect(await w.cli(['init', '--agent', 'gpt'], env)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('expected one of echo|openai|webhook|command') });
    const res = await w.cli(['init', '--agent', 'openai', '--base-url', 'https://api.openai.com', '--model', 'gpt-4o-mini', '--api-key-secret', 'OPENAI'], env);
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toContain('store the API key: imsg-companion secret set OPENAI');
    const config = JSON5.parse(await readFile(w.configPath, 'utf8')) as { agents: { list: Array<{ backend: unknown }> } };
    expect(config.agents.list[0]?.backend).toEqual({ type: 'openai', baseUrl: 'https://api.openai.com', model: 'gpt-4o-mini', apiKey: { secret: 'OPENAI' } });
    expect(await w.cli(['config', 'validate'])).toMatchObject({ exitCode: 0 });
  });

  it('imsg not found and no Messages database: says so in the file and the output, still a valid config', async () => {
    const { w } = await bare();
    const res = await w.cli(['init'], { PATH: '/nonexistent', HOME: join(w.dir, 'empty-home') });
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toContain('imsg: NOT FOUND. Install it (brew install steipete/tap/imsg)');
    expect(res.stdout).toContain('Messages database: not found at');
    const text = await readFile(w.configPath, 'utf8');
    expect(text).toContain('// imsg was NOT found on this Mac');
    expect(text).toContain('cliPath: "imsg"');
    expect(await w.cli(['config', 'validate'])).toMatchObject({ exitCode: 0 });
  });
});
