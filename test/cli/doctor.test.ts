import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { World } from '../e2e/serve-harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

interface DoctorJson {
  ok: boolean;
  checks: Array<{ name: string; ok: boolean; detail: string; fix?: string }>;
}

describe('imsg-companion doctor', () => {
  it('a good setup (simulator imsg, echo agent): every check ✓, exit 0', async () => {
    world = await World.create();
    const res = await world.cli(['doctor']);
    expect(res.exitCode).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 2))).toEqual(['✓ ', '✓ ', '✓ ', '✓ ']);
    expect(lines[0]).toBe(`✓ config: ${world.configPath} is valid`);
    expect(lines[1]).toBe(`✓ state dir: ${world.stateDir} is writable`);
    expect(lines[2]).toMatch(/^✓ imsg \(default\): imsg 0\.9\.0 at .*imsg-sim\.js; rpc answers; chat\.db readable \(\d+ ms\)$/);
    expect(lines[3]).toBe('✓ agent echo (echo): echo needs nothing');
    const json = JSON.parse((await world.cli(['doctor', '--json'])).stdout) as DoctorJson;
    expect(json.ok).toBe(true);
    expect(json.checks.map((c) => c.name)).toEqual(['config', 'state dir', 'imsg (default)', 'agent echo (echo)']);
  });

  it('a missing imsg binary: ✗ with the cause and a fix, exit 1', async () => {
    world = await World.create({ cliPath: '/nonexistent/imsg' });
    const res = await world.cli(['doctor']);
    expect(res.exitCode).toBe(1);
    expect(res.stdout).toContain(
      "✗ imsg (default): The imsg program wasn't found. (imsg not found (/nonexistent/imsg))\n    fix: Install imsg on this Mac, or set cliPath in the settings to the full path of the imsg program.\n",
    );
    const json = JSON.parse((await world.cli(['doctor', '--json'])).stdout) as DoctorJson;
    expect(json.ok).toBe(false);
    expect(json.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['imsg (default)']);
    expect(json.checks.find((c) => !c.ok)?.fix).toMatch(/cliPath/);
  });

  it('an invalid config and no agent are each a ✗ with a fix', async () => {
    world = await World.create({ dmPolicy: 'sometimes' });
    const res = await world.cli(['doctor', '--json']);
    expect(res.exitCode).toBe(1);
    const json = JSON.parse(res.stdout) as DoctorJson;
    expect(json.checks[0]).toMatchObject({ name: 'config', ok: false, fix: `edit ${world.configPath}, then run: imsg-companion config validate` });
    expect(json.checks[0]?.detail).toContain('channels.imessage.dmPolicy');

    await world.writeConfig({}, { agents: { list: [] } });
    const noAgent = JSON.parse((await world.cli(['doctor', '--json'])).stdout) as DoctorJson;
    expect(noAgent.checks.filter((c) => !c.ok)).toEqual([
      { name: 'agent', ok: false, detail: 'no agent configured: messages are received but never answered', fix: 'add one under agents.list (types: openai, webhook, command, echo)' },
    ]);
  });
});

describe('imsg-companion doctor: setup mode and diagnoses', () => {
  it('no config file is a failing check that says setup is needed (not "using defaults")', async () => {
    world = await World.create();
    await rm(world.configPath);
    const res = await world.cli(['doctor', '--json']);
    expect(res.exitCode).toBe(1);
    const json = JSON.parse(res.stdout) as DoctorJson;
    expect(json.checks[0]).toEqual({
      name: 'config',
      ok: false,
      detail: `Not set up: no config at ${world.configPath}; run \`imsg-companion init\` or open the app (no account runs, nothing is sent)`,
      fix: 'run: imsg-companion init',
    });
    // Nothing else is probed for an account that does not run.
    expect(json.checks.map((c) => c.name)).toEqual(['config', 'state dir']);
  });

  it("the docs' literal dbPath /Users/<you>/… is file not found, not Full Disk Access", async () => {
    world = await World.create();
    await world.writeConfig({ dbPath: '/Users/<you>/Library/Messages/chat.db' });
    const json = JSON.parse((await world.cli(['doctor', '--json'])).stdout) as DoctorJson;
    const imsg = json.checks.find((c) => c.name === 'imsg (default)');
    expect(imsg?.ok).toBe(false);
    expect(imsg?.detail).toMatch(/^dbPath \/Users\/<you>\/Library\/Messages\/chat\.db still has a placeholder in it: there is no such file\./);
    expect(imsg?.fix).toMatch(/channels\.imessage\.dbPath/);
    expect(JSON.stringify(imsg)).not.toMatch(/Full Disk Access/);

    await world.writeConfig({ dbPath: join(world.dir, 'missing', 'chat.db') });
    const again = JSON.parse((await world.cli(['doctor', '--json'])).stdout) as DoctorJson;
    expect(again.checks.find((c) => c.name === 'imsg (default)')?.detail).toMatch(/^dbPath: file not found: .*missing\/chat\.db/);
  });

  it('an SSH wrapper that cannot connect gets SSH advice naming the user and host, and the Automation line names them too', async () => {
    world = await World.create();
    const wrapper = join(world.dir, 'imsg-ssh');
    // A real ssh to a closed port: "Connection refused".
    await writeFile(wrapper, '#!/bin/sh\nexec ssh -o BatchMode=yes -o ConnectTimeout=5 -p 1 bot@127.0.0.1 imsg "$@"\n', { mode: 0o755 });
    await world.writeConfig({ cliPath: wrapper });
    const res = await world.cli(['doctor']);
    expect(res.exitCode).toBe(1);
    expect(res.stdout).toContain('✗ imsg (default): SSH to the macOS user bot on this Mac was refused: Remote Login is probably off there.');
    expect(res.stdout).toContain('fix: On the macOS user bot on this Mac, turn on System Settings → General → Sharing → Remote Login; then check: ssh bot@127.0.0.1 true');
    expect(res.stdout).not.toMatch(/brew install|install imsg/i);
    expect(res.stdout).toContain('– automation (default): imsg runs over SSH (bot@127.0.0.1); Automation can only be checked there');
    expect(res.stdout).toMatch(/fix: On this Mac signed in as bot, open System Settings → Privacy & Security → Automation/);
  });
});
