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
