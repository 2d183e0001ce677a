// `imsg-companion logs [--follow]`: the running instance's log file, else the newest on disk.
import { appendFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractHandlers } from '../../electron/contract/channels.js';
import { FileLog, serveLogPath } from '../../electron/core/logs/file-log.js';
import { startControlSocket } from '../../electron/core/transport/control-socket.js';
import { CLI_BIN } from '../helpers/bins.js';
import { until } from '../helpers/until.js';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'imsg-logs-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ PATH: process.env.PATH ?? '', HOME: dir });
const cli = (args: string[]) => execa(process.execPath, [CLI_BIN, 'logs', '--state-dir', join(dir, 'state'), ...args], { env: env(), extendEnv: false, reject: false });

async function writeLog(file: string, lines: string[]): Promise<void> {
  const log = new FileLog({ file, now: () => new Date('2026-12-03T10:00:00.000Z') });
  for (const l of lines) void log.write('info', l);
  await log.close();
}

describe('imsg-companion logs', () => {
  it('says where it looked when there is no log yet (exit 1)', async () => {
    const res = await cli([]);
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toContain(`no log file yet (looked for ${join(dir, 'state')}/logs/serve.log`);
  });

  it("prints the last lines of serve's log, one entry per line even when a message had a newline or an escape", async () => {
    await writeLog(serveLogPath(join(dir, 'state')), ['first', 'second', 'evil\n2026 fake line \u001b[31mred']);
    const res = await cli(['--lines', '2']);
    expect(res.exitCode).toBe(0);
    expect(res.stderr).toBe(`==> ${serveLogPath(join(dir, 'state'))} <==`);
    expect(res.stdout).toBe('2026-12-03T10:00:00.000Z info  second\n2026-12-03T10:00:00.000Z info  evil\\n2026 fake line \\u001b[31mred');
  });

  it('asks the running instance where its log is (the app logs outside the state dir)', async () => {
    const appLog = join(dir, 'Library', 'Logs', 'imsg Companion', 'main.log');
    await writeLog(appLog, ['from the app']);
    await writeLog(serveLogPath(join(dir, 'state')), ['from an old serve']);
    const handlers = { 'status:get': async () => ({ platform: { logPath: appLog } }) } as unknown as ContractHandlers;
    const socket = await startControlSocket(join(dir, 'state'), handlers, { on: () => () => undefined }, { kind: 'app', version: 't' });
    try {
      const res = await cli([]);
      expect(res.stdout).toBe('2026-12-03T10:00:00.000Z info  from the app');
    } finally {
      await socket.close();
    }
  });

  it('--follow prints new lines as they are written, also after a rotation, until Ctrl+C', async () => {
    const file = serveLogPath(join(dir, 'state'));
    await writeLog(file, ['before']);
    const child = execa(process.execPath, [CLI_BIN, 'logs', '--follow', '--state-dir', join(dir, 'state')], { env: env(), extendEnv: false, reject: false });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    await until(() => out.includes('before'), 'the first lines');
    appendFileSync(file, 'x info  after\n');
    await until(() => out.includes('after'), 'an appended line');
    renameSync(file, `${file.slice(0, -4)}.1.log`);
    // Longer than the old file: only the new inode tells it was rotated.
    await writeLog(file, ['new file', 'x'.repeat(200)]);
    await until(() => out.includes('new file'), 'the line in the rotated-in file');
    child.kill('SIGINT');
    expect((await child).exitCode).toBe(0);
  });
});
