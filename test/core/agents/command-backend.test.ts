// The command backend with small node scripts: stdin envelope, stdout reply, exit codes, timeouts, env.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandBackendConfig } from '../../../electron/core/agents/backend-schema.js';
import { CommandBackend, stopCommandAgents } from '../../../electron/core/agents/command-backend.js';
import type { AgentDeps, AgentRequest } from '../../../electron/core/agents/types.js';
import { expectAgentError } from './expect-agent-error.js';

const SCRIPTS: Record<string, string> = {
  'reply.js': `let input = ''; process.stdin.on('data', (c) => (input += c)); process.stdin.on('end', () => {
    const env = JSON.parse(input);
    process.stdout.write('\\n  ' + env.text.toUpperCase() + ' for ' + env.accountId + '/' + env.agentId + ' in ' + env.sessionKey + ' (' + env.ChatType + ')  \\n');
  });`,
  'silent.js': `process.stdin.resume(); process.stdin.on('end', () => process.stdout.write('  \\n'));`,
  'no-stdin.js': `process.stdout.write('did not read');`,
  'fail.js': `for (let i = 1; i <= 8; i++) process.stderr.write('line ' + i + '\\n'); process.exit(3);`,
  'hang.js': `require('fs').writeFileSync(process.argv[2], String(process.pid)); setInterval(() => {}, 1000);`,
  // Traps TERM and leaves a grandchild holding the pipes (the adversarial run's "sleep 300 &").
  'family.js': `const { spawn } = require('child_process'); process.on('SIGTERM', () => {});
    const kid = spawn('sleep', ['300'], { stdio: ['ignore', 'inherit', 'inherit'] });
    require('fs').writeFileSync(process.argv[2], process.pid + ' ' + kid.pid); setInterval(() => {}, 1000);`,
  // The same family, noting each TERM it ignores (a stop must TERM before it KILLs).
  'family-noted.js': `const { spawn } = require('child_process'); const fs = require('fs');
    process.on('SIGTERM', () => fs.writeFileSync(process.argv[2] + '.term', 'TERM'));
    const kid = spawn('sleep', ['300'], { stdio: ['ignore', 'inherit', 'inherit'] });
    fs.writeFileSync(process.argv[2], process.pid + ' ' + kid.pid); setInterval(() => {}, 1000);`,
  'stderr-flood.js': `const chunk = 'x'.repeat(65536) + '\\n'; for (let i = 0; i < 40; i++) process.stderr.write(chunk); process.stdout.write('ok');`,
  'env.js': `process.stdout.write(JSON.stringify({ keys: Object.keys(process.env).sort(), cwd: process.cwd() }));`,
};

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(os.tmpdir(), 'agents-command-'));
  for (const [name, body] of Object.entries(SCRIPTS)) await fs.writeFile(join(dir, name), body);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const baseEnv = (): NodeJS.ProcessEnv => ({ PATH: dirname(process.execPath), HOME: os.homedir(), LANG: 'C', SECRET_TOKEN: 'do-not-leak', PASS_ME: 'yes' });

function backend(script: string, config: Partial<CommandBackendConfig> = {}, deps: Partial<AgentDeps> = {}): CommandBackend {
  const full: CommandBackendConfig = { type: 'command', argv: [process.execPath, join(dir, script)], ...config };
  return new CommandBackend('bot', full, { stateDir: dir, env: baseEnv(), ...deps });
}

const request: AgentRequest = { agentId: 'bot', accountId: 'default', sessionKey: 'agent:bot:main', text: 'hi there', context: { ChatType: 'direct', SenderId: '+15550001111' } };

/** True once no process has this pid (kill 0 probes without signalling). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('command backend', () => {
  it('gets the envelope on stdin and replies with trimmed stdout', async () => {
    expect(await backend('reply.js').reply(request)).toEqual({ text: 'HI THERE for default/bot in agent:bot:main (direct)', provider: 'command' });
  });

  it('empty output is no reply', async () => {
    expect((await backend('silent.js').reply(request)).text).toBeNull();
  });

  it('a program that ignores a large stdin still answers', async () => {
    const big = { ...request, context: { blob: 'x'.repeat(2_000_000) } };
    expect((await backend('no-stdin.js').reply(big)).text).toBe('did not read');
  });

  it('a non-zero exit is an error with the exit code and the last stderr lines', async () => {
    const err = await expectAgentError(backend('fail.js').reply(request));
    expect(err).toMatchObject({ kind: 'exit', exitCode: 3, agentId: 'bot', backend: 'command' });
    expect(err.stderrTail).toBe('line 4\nline 5\nline 6\nline 7\nline 8');
    expect(err.message).toContain('exited with code 3');
    expect(err.message).toContain('line 8');
    expect(err.message).not.toContain('line 3');
  });

  it('kills the program on timeout', async () => {
    const pidFile = join(dir, 'hang.pid');
    const started = Date.now();
    const err = await expectAgentError(backend('hang.js', { argv: [process.execPath, join(dir, 'hang.js'), pidFile], timeoutMs: 500 }).reply(request));
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('within 500 ms and was killed');
    expect(Date.now() - started).toBeLessThan(5_000);
    const pid = Number(await fs.readFile(pidFile, 'utf8'));
    await expect.poll(() => gone(pid), { timeout: 5_000, interval: 50 }).toBe(true);
  });

  it('on timeout kills the whole process group: a TERM-trapping child and its grandchild are gone', async () => {
    const pidFile = join(dir, 'family.pid');
    const started = Date.now();
    const err = await expectAgentError(backend('family.js', { argv: [process.execPath, join(dir, 'family.js'), pidFile], timeoutMs: 700 }).reply(request));
    expect(err.kind).toBe('timeout');
    // TERM is trapped: the call rejects only once KILL followed after the 2 s grace (a retry
    // never starts while the timed-out group lives), and the grandchild dies with it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_600);
    const pids = (await fs.readFile(pidFile, 'utf8')).split(' ').map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids) await expect.poll(() => gone(pid), { timeout: 1_000, interval: 20 }).toBe(true);
  });

  it('a stop ends a running call: its group gets TERM, then KILL, before the stop resolves', async () => {
    const pidFile = join(dir, 'stopped.pid');
    const call = backend('family-noted.js', { argv: [process.execPath, join(dir, 'family-noted.js'), pidFile], timeoutMs: 60_000 }).reply(request);
    call.catch(() => undefined);
    await expect.poll(() => fs.readFile(pidFile, 'utf8').catch(() => ''), { timeout: 5_000, interval: 20 }).toContain(' ');
    const pids = (await fs.readFile(pidFile, 'utf8')).split(' ').map(Number);
    const stopAt = Date.now();
    await stopCommandAgents();
    expect(Date.now() - stopAt).toBeGreaterThanOrEqual(1_900);
    expect(await fs.readFile(`${pidFile}.term`, 'utf8')).toBe('TERM');
    const err = await expectAgentError(call);
    expect(err.message).toContain('killed by SIGKILL');
    for (const pid of pids) await expect.poll(() => gone(pid), { timeout: 1_000, interval: 20 }).toBe(true);
    // Nothing is left to stop.
    const again = Date.now();
    await stopCommandAgents();
    expect(Date.now() - again).toBeLessThan(500);
  });

  it('a stderr flood is reported as stderr, not stdout', async () => {
    const err = await expectAgentError(backend('stderr-flood.js').reply(request));
    expect(err.kind).toBe('invalid-reply');
    expect(err.message).toContain('bytes to stderr');
  });

  it('passes only PATH, HOME, LANG and the listed names; runs in cwd', async () => {
    const reply = await backend('env.js', { env: ['PASS_ME', 'NOT_SET_ANYWHERE'], cwd: dir }).reply(request);
    const seen = JSON.parse(reply.text ?? '{}') as { keys: string[]; cwd: string };
    expect(seen.keys).toEqual(['HOME', 'LANG', 'PASS_ME', 'PATH']);
    expect(await fs.realpath(seen.cwd)).toBe(await fs.realpath(dir));
  });

  it('does not leak the app environment when no names are listed', async () => {
    const reply = await backend('env.js', {}, { env: { ...process.env, SECRET_TOKEN: 'do-not-leak' } }).reply(request);
    const keys = (JSON.parse(reply.text ?? '{}') as { keys: string[] }).keys;
    expect(keys.every((k) => ['PATH', 'HOME', 'LANG'].includes(k))).toBe(true);
    expect(keys).toContain('PATH');
  });

  it('a missing program is a config error', async () => {
    const err = await expectAgentError(backend('reply.js', { argv: [join(dir, 'no-such-program')] }).reply(request));
    expect(err.kind).toBe('config');
    expect(err.message).toContain('was not found');
  });

  it('check resolves argv[0] on the command PATH or from cwd', async () => {
    const onPath = await backend('reply.js', { argv: ['node', 'x.js'] }).check();
    expect(onPath.ok).toBe(true);
    expect(onPath.detail).toMatch(/^node → \/.*\/node$/);
    expect((await backend('reply.js', { argv: ['definitely-not-a-program-xyz'] }).check()).ok).toBe(false);
    await fs.writeFile(join(dir, 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
    expect((await backend('reply.js', { argv: ['./run.sh'], cwd: dir }).check()).ok).toBe(true);
    expect((await backend('reply.js', { argv: ['./reply.js'], cwd: dir }).check()).ok).toBe(false); // not executable
  });
});
