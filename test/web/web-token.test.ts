// The web UI token survives restarts (state dir, 0600), rotates from the CLI, and `ui` prints the link.
import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWebToken, saveWebInfo, tokenSource, webTokenPath } from '../../electron/core/transport/web-token.js';
import { CLI_BIN } from '../helpers/bins.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-token-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => execa(process.execPath, [CLI_BIN, ...args, '--state-dir', dir], { reject: false, env: { IMSG_COMPANION_STATE_DIR: '' } });

describe('web token', () => {
  it('is created once with mode 0600 and read back unchanged; --rotate replaces it', async () => {
    const first = await loadWebToken(dir);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect((await fs.stat(webTokenPath(dir))).mode & 0o777).toBe(0o600);
    expect(await loadWebToken(dir)).toBe(first);
    const rotated = await loadWebToken(dir, { rotate: true });
    expect(rotated).not.toBe(first);
    expect(await loadWebToken(dir)).toBe(rotated);
  });

  it('a running server sees a rotation made by another process', async () => {
    const first = await loadWebToken(dir);
    const current = tokenSource(dir, first);
    expect(current()).toBe(first);
    await new Promise((r) => setTimeout(r, 600));
    const rotated = await loadWebToken(dir, { rotate: true });
    await new Promise((r) => setTimeout(r, 600));
    expect(current()).toBe(rotated);
  });

  it('`ui` prints the link of a running server and says so when none runs', async () => {
    const none = await cli('ui');
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('imsg-companion serve --web');
    await saveWebInfo(dir, { port: 48123, pid: process.pid });
    const token = await loadWebToken(dir);
    const shown = await cli('ui');
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout.trim()).toBe(`http://127.0.0.1:48123/?token=${token}`);
    const rotated = await cli('ui', '--rotate');
    expect(rotated.stdout).toContain('old link');
    expect(rotated.stdout).not.toContain(token);
    expect(rotated.stdout).toContain(`?token=${await loadWebToken(dir)}`);
  });
});
