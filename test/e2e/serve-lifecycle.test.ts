// serve as a process: graceful SIGTERM, crash recovery from the journal, live config, the socket.
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { journalIds } from '../core/app/app-fixture.js';
import { type ServeProcess, until, World } from './serve-harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

/** A world whose agent answers after `ms`, serve running, one DM in flight at the agent. */
async function replyInFlight(ms: number, text: string): Promise<{ w: World; serve: ServeProcess; m: { guid: string; chat_id: number } }> {
  world = await World.create();
  const w = world;
  const agent = await slowAgent(w, ms);
  await w.writeConfig(agent.channel, agent.extra);
  const serve = await w.serve();
  const m = w.inject({ from: '+15550000001', text });
  await until(async () => (await agent.calls()) === 1, 'the agent to be called');
  return { w, serve, m };
}

/** A `command` agent that notes each call in `dir` and answers `slow: <text>` after `ms`. */
async function slowAgent(w: World, ms: number): Promise<{ channel: Record<string, unknown>; extra: Record<string, unknown>; calls: () => Promise<number> }> {
  const script = join(w.dir, 'slow-agent.cjs');
  const calls = join(w.dir, 'calls');
  await writeFile(
    script,
    `const fs = require('node:fs');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const text = JSON.parse(input).text;
  fs.mkdirSync(process.argv[2], { recursive: true });
  fs.writeFileSync(process.argv[2] + '/' + process.pid, text);
  setTimeout(() => process.stdout.write('slow: ' + text), Number(process.argv[3]));
});
`,
  );
  return {
    channel: { dmPolicy: 'open', allowFrom: ['*'] },
    extra: { agents: { list: [{ id: 'slow', default: true, backend: { type: 'command', argv: [process.execPath, script, calls, String(ms)], timeoutMs: 30_000 } }] } },
    calls: async () => (await readdir(calls).catch(() => [])).length,
  };
}


describe('serve lifecycle', () => {
  it('SIGTERM while a reply is in flight: the reply is still delivered, then serve exits 0', async () => {
    const { w, serve, m } = await replyInFlight(1000, 'take your time');
    const end = await serve.stop('SIGTERM');
    expect(end.output).toContain('Stopping: finishing replies in flight…');
    expect(end.exitCode).toBe(0);
    const rows = await w.outbox();
    expect(rows.map((r) => [r.chat_id, r.text])).toEqual([[m.chat_id, 'slow: take your time']]);
    expect(await journalIds(w.stateDir)).toEqual([]);
  });

  it('serve SIGKILLed mid-reply: the next start resumes the reply from pending-dispatch.jsonl, sent once', async () => {
    const { w, serve: first, m } = await replyInFlight(1500, 'do not lose me');
    await first.stop('SIGKILL');
    expect(await journalIds(w.stateDir)).toEqual([`default:${m.guid}`]);
    expect(w.sentCount()).toBe(0);

    const second = await w.serve();
    await until(() => w.sentCount() >= 1, 'the resumed reply');
    await until(async () => (await journalIds(w.stateDir)).length === 0, 'the journal to empty');
    await new Promise((r) => setTimeout(r, 1000)); // a second copy would arrive now
    expect((await w.outbox()).map((r) => [r.chat_id, r.text])).toEqual([[m.chat_id, 'slow: do not lose me']]);
    const resumed = (await w.activity()).filter((e) => e.guid === m.guid && e.detail === 'resuming a reply interrupted by the last shutdown');
    expect(resumed).toHaveLength(1);
    expect((await second.stop('SIGTERM')).exitCode).toBe(0);
  });

  it('a config edit applies live: after switching dmPolicy to open, the next stranger is answered by the same serve', async () => {
    world = await World.create({ dmPolicy: 'pairing' });
    const w = world;
    const serve = await w.serve();
    const before = w.inject({ from: '+15550000001', text: 'hello?' });
    await until(() => w.sentCount() >= 1, 'the pairing reply');
    expect((await w.outbox())[0]?.text).toMatch(/^imsg Companion: access not configured\./);

    const oldPid = await w.waitWatching();
    await w.writeConfig({ dmPolicy: 'open', allowFrom: ['*'] });
    // The account restarts on its new settings (a new imsg child) while serve keeps running.
    await until(async () => (await w.waitWatching()) !== oldPid, 'the account to restart with the new config');
    const after = w.inject({ from: '+15550000002', text: 'hi from a stranger' });
    await until(() => w.sentCount() >= 2, 'the agent reply');
    const rows = await w.outbox();
    expect(rows.map((r) => [r.chat_id, r.text])).toEqual([
      [before.chat_id, rows[0]?.text],
      [after.chat_id, 'hi from a stranger'],
    ]);
    expect(serve.child.exitCode).toBeNull();
    expect((await serve.stop('SIGTERM')).exitCode).toBe(0);
  });

  it('the control socket is 0600, and a second serve on the same state dir refuses to start', async () => {
    world = await World.create();
    const w = world;
    const serve = await w.serve();
    const sock = join(w.stateDir, 'control.sock');
    const st = await stat(sock);
    expect(st.isSocket()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
    const second = await w.cli(['serve']);
    expect(second.exitCode).toBe(1);
    // It names the one that runs (which program, pid); test/e2e/instance-lock.test.ts covers the app too.
    expect(second.stderr.trim()).toContain(`imsg-companion serve: imsg Companion already runs on the state dir ${w.stateDir}: imsg-companion serve (pid ${serve.pid}, `);
    // The first one is unaffected.
    expect((await w.snapshot())?.accounts[0]?.health.state).toBe('watching');
    expect((await serve.stop('SIGTERM')).exitCode).toBe(0);
  });
});
