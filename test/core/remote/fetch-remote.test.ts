// fetchRemoteFile without a server: what is refused before spawning, the argv, and failure texts.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RemoteFileTooLargeError, ScpFailedError, UnsafeRemoteHostError, UnsafeRemotePathError } from '../../../electron/core/remote/fetch-errors.js';
import { fetchRemoteFile, scpArgs } from '../../../electron/core/remote/fetch-remote.js';
import { isSafeRemotePath } from '../../../electron/core/remote/remote-path.js';
import { runScp, scpBinary, type ScpOutcome, type ScpRunner } from '../../../electron/core/remote/scp-runner.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fetch-remote-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const UNSAFE = [
  '/Users/a/Library/Messages/Attachments/x\\y.jpg',
  "/Users/a/it's.jpg",
  '/Users/a/"q".jpg',
  '/Users/a/`id`.jpg',
  '/Users/a/$(id).jpg',
  '/Users/a/a;b.jpg',
  '/Users/a/a|b.jpg',
  '/Users/a/a&b.jpg',
  '/Users/a/a<b.jpg',
  '/Users/a/a>b.jpg',
  '/Users/a/a\nb.jpg',
  '/Users/a/a\u0007b.jpg',
  '/Users/a/a\u007fb.jpg',
  '-oProxyCommand=x',
  '/Users/a/../../etc/passwd',
  '..',
  '/Users/a/*.jpg',
  '/Users/a/photo?.jpg',
  '/Users/a/[ab].jpg',
  '',
];

describe('isSafeRemotePath', () => {
  it.each(UNSAFE)('refuses %j', (p) => {
    expect(isSafeRemotePath(p)).toBe(false);
  });

  it.each(['/Users/ann/Library/Messages/Attachments/ab/01/GUID/IMG 0001.HEIC', '/Users/a/b/résumé (1).pdf', '/Users/a/..hidden/x..y', '/tmp/a-b_c.d'])('accepts %j', (p) => {
    expect(isSafeRemotePath(p)).toBe(true);
  });
});

describe('fetchRemoteFile (no server)', () => {
  const base = (over: Partial<Parameters<typeof fetchRemoteFile>[0]> = {}): Parameters<typeof fetchRemoteFile>[0] => ({
    host: 'bot@mac-mini',
    remotePath: '/Users/bot/Library/Messages/Attachments/a/b.jpg',
    destDir: join(dir, 'dest'),
    maxBytes: 1000,
    ...over,
  });

  it.each(UNSAFE)('refuses the unsafe path %j without spawning scp', async (remotePath) => {
    const run = vi.fn<ScpRunner>();
    await expect(fetchRemoteFile(base({ remotePath, run }))).rejects.toBeInstanceOf(UnsafeRemotePathError);
    expect(run).not.toHaveBeenCalled();
  });

  it.each(['-oProxyCommand=x', 'a b', 'host:22', 'a@b@c', ''])('refuses the unsafe host %j without spawning scp', async (host) => {
    const run = vi.fn<ScpRunner>();
    await expect(fetchRemoteFile(base({ host, run }))).rejects.toBeInstanceOf(UnsafeRemoteHostError);
    expect(run).not.toHaveBeenCalled();
  });

  it('runs scp with §19 options, the extra ssh args before --, then host:path and a local temp file', async () => {
    const run = vi.fn<ScpRunner>(async (_file, args) => {
      await writeFile(args[args.length - 1] as string, 'data');
      return { exitCode: 0, stderr: '', timedOut: false };
    });
    const local = await fetchRemoteFile(base({ run, sshArgs: ['-F', '/cfg'], timeoutMs: 1234 }));
    const [file, args, opts] = run.mock.calls[0] ?? [];
    expect(file).toBe(scpBinary());
    expect(args?.slice(0, 8)).toEqual(['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-F', '/cfg', '--', 'bot@mac-mini:/Users/bot/Library/Messages/Attachments/a/b.jpg']);
    expect(args?.[8]).toMatch(new RegExp(`^${join(dir, 'dest')}/.+\\.part-`));
    expect(opts).toEqual({ timeoutMs: 1234 });
    expect(local).toMatch(/^.+\/[0-9a-f]{12}-b\.jpg$/);
    expect(await readdir(join(dir, 'dest'))).toEqual([local.split('/').pop()]);
  });

  it('scpArgs keeps the fixed order', () => {
    expect(scpArgs('h', '/p', '/d')).toEqual(['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '--', 'h:/p', '/d']);
  });

  it('scpBinary prefers /usr/bin/scp and falls back to PATH', () => {
    expect(scpBinary(() => true)).toBe('/usr/bin/scp');
    expect(scpBinary(() => false)).toBe('scp');
  });

  it.each<[string, ScpOutcome, RegExp]>([
    ['a non-zero exit', { exitCode: 1, stderr: 'scp: /x: No such file or directory\n', timedOut: false }, /^scp failed \(1\): scp: \/x: No such file or directory$/],
    ['a spawn failure', { exitCode: null, stderr: '', timedOut: false, spawnError: 'ENOENT' }, /^scp failed \(ENOENT\): no error output/],
    ['a timeout', { exitCode: null, stderr: '', timedOut: true }, /^scp timed out after 50 ms fetching bot@mac-mini:\/Users/],
  ])('reports %s and leaves no file', async (_name, outcome, message) => {
    const run = vi.fn<ScpRunner>(async (_file, args) => {
      await writeFile(args[args.length - 1] as string, 'partial');
      return outcome;
    });
    const err = await fetchRemoteFile(base({ run, timeoutMs: 50 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScpFailedError);
    expect((err as Error).message).toMatch(message);
    expect(await readdir(join(dir, 'dest'))).toEqual([]);
  });

  it('keeps the end of a long stderr, where ssh puts the cause', async () => {
    const stderr = `${'@'.repeat(2000)}\nHost key verification failed.\n`;
    const run: ScpRunner = async () => ({ exitCode: 255, stderr, timedOut: false });
    const err = await fetchRemoteFile(base({ run })).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^scp failed \(255\): …@+\nHost key verification failed\.$/);
    expect((err as Error).message.length).toBeLessThan(600);
  });

  it('deletes a copy over the cap', async () => {
    const run: ScpRunner = async (_file, args) => {
      await writeFile(args[args.length - 1] as string, Buffer.alloc(1001));
      return { exitCode: 0, stderr: '', timedOut: false };
    };
    const err = await fetchRemoteFile(base({ run })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteFileTooLargeError);
    expect(err).toMatchObject({ bytes: 1001, maxBytes: 1000 });
    expect(await readdir(join(dir, 'dest'))).toEqual([]);
  });
});

describe('runScp (the execa runner)', () => {
  it('kills a process that outlives the timeout and says so', async () => {
    const started = Date.now();
    const outcome = await runScp(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { timeoutMs: 200 });
    expect(outcome.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a binary that cannot be spawned', async () => {
    const outcome = await runScp(join(dir, 'no-such-scp'), [], { timeoutMs: 1000 });
    expect(outcome).toMatchObject({ exitCode: null, timedOut: false, spawnError: 'ENOENT' });
  });

  it('passes the exit code and stderr through', async () => {
    const outcome = await runScp(process.execPath, ['-e', 'process.stderr.write("boom"); process.exit(3)'], { timeoutMs: 5000 });
    expect(outcome).toEqual({ exitCode: 3, stderr: 'boom', timedOut: false });
  });
});
