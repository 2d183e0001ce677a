// Process-level: imsg-sim "on a remote Mac" behind a real OpenSSH server on 127.0.0.1 — host
// detection from the wrapper, the real ImsgClient over ssh, and scp staging of attachments.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveInboundAttachments } from '../../../electron/core/attachments/resolve.js';
import { resolveAccount, type ResolvedAccount } from '../../../electron/core/config/accounts.js';
import { ImsgClient } from '../../../electron/core/imsg/rpc-client.js';
import { detectRemoteHost } from '../../../electron/core/remote/detect-host.js';
import { RemoteFileTooLargeError, ScpFailedError } from '../../../electron/core/remote/fetch-errors.js';
import { fetchRemoteFile } from '../../../electron/core/remote/fetch-remote.js';
import { resolveRemoteHost } from '../../../electron/core/remote/resolve-host.js';
import { SIM_BIN } from '../../helpers/bins.js';
import { startSshd, type SshServer } from '../../helpers/sshd.js';
import { injectMessage, openChatDb } from '../../sim/db-writer.js';

const SENDER = '+15551230000';
let sshd: SshServer;
let dir: string;
let wrapper: string;
let dbPath: string;
let db: Database.Database;
let attachmentsDir: string;
const clients: ImsgClient[] = [];

beforeAll(async () => {
  sshd = await startSshd();
  dir = await mkdtemp(join(tmpdir(), 'ssh-remote-'));
  dbPath = join(dir, 'remote', 'chat.db');
  db = openChatDb(dbPath);
  // The "remote Mac": a home with Messages attachments under <dir>/remote/Users/bot/….
  attachmentsDir = join(dir, 'remote', 'Users', 'bot', 'Library', 'Messages', 'Attachments');
  await mkdir(attachmentsDir, { recursive: true });
  wrapper = join(dir, 'imsg');
  await writeFile(wrapper, `#!/bin/sh\nexec ssh -F ${sshd.sshConfig} ${sshd.target} env IMSG_SIM_POLL_MS=100 ${process.execPath} ${SIM_BIN} "$@"\n`);
  await chmod(wrapper, 0o755);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});
afterAll(async () => {
  db?.close();
  await sshd?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** An account whose remote roots cover the fake remote home (a `*` segment for the user). */
function remoteAccount(extra: Record<string, unknown> = {}): ResolvedAccount {
  const remoteAttachmentRoots = [join(dir, 'remote', 'Users', '*', 'Library', 'Messages', 'Attachments')];
  return resolveAccount({ channels: { imessage: { cliPath: wrapper, includeAttachments: true, remoteAttachmentRoots, ...extra } } });
}

async function startClient(): Promise<ImsgClient> {
  const client = new ImsgClient({ cliPath: wrapper, dbPath, env: { ...process.env } });
  clients.push(client);
  await client.start();
  return client;
}

/** Write `bytes` to a new file in the remote attachments dir. */
async function remoteFile(name: string, bytes: Buffer): Promise<string> {
  const sub = join(attachmentsDir, randomBytes(4).toString('hex'));
  await mkdir(sub, { recursive: true });
  await writeFile(join(sub, name), bytes);
  return join(sub, name);
}

describe('remote Mac over SSH', () => {
  it('detects the host from the wrapper script (§20 rule 1)', async () => {
    expect(await detectRemoteHost(wrapper)).toEqual({ host: sshd.target });
    expect(await resolveRemoteHost(remoteAccount())).toEqual({ host: sshd.target, source: 'cliPath' });
  });

  it('the real ImsgClient over the wrapper answers chats.list and delivers a watched message', async () => {
    injectMessage(db, { from: SENDER, text: 'before' });
    const client = await startClient();
    const { chats } = await client.request<{ chats: { identifier: string }[] }>('chats.list', { limit: 5 });
    expect(chats.map((c) => c.identifier)).toContain(SENDER);
    const texts: string[] = [];
    await client.subscribe({ debounce_ms: 0 }, { onMessage: (m) => texts.push(String((m as { text?: unknown }).text)), onError: () => undefined });
    injectMessage(db, { from: SENDER, text: 'hello over ssh' });
    await vi.waitFor(() => expect(texts).toContain('hello over ssh'), { timeout: 10_000 });
  });

  it('stages a watched attachment with scp into the state dir, bytes identical', async () => {
    const bytes = randomBytes(200_000);
    const remotePath = await remoteFile('photo.jpg', bytes);
    const client = await startClient();
    const messages: { attachments?: unknown; text?: unknown }[] = [];
    await client.subscribe({ debounce_ms: 0, attachments: true }, { onMessage: (m) => messages.push(m as { attachments?: unknown }), onError: () => undefined });
    injectMessage(db, { from: SENDER, attachment: remotePath });
    await vi.waitFor(() => expect(messages).toHaveLength(1), { timeout: 10_000 });
    const stateDir = join(dir, 'state-ok');
    const sessionKey = `agent:main:imessage:direct:${SENDER}`;
    const res = await resolveInboundAttachments(messages[0] ?? {}, { account: remoteAccount(), remoteHost: sshd.target, stateDir, sessionKey, sshArgs: ['-F', sshd.sshConfig] });
    expect(res.dropped).toEqual([]);
    expect(res.valid).toHaveLength(1);
    const got = res.valid[0];
    expect(got).toMatchObject({ mimeType: 'image/jpeg', kind: 'image', remote: true });
    expect(got?.path.startsWith(join(stateDir, 'media', 'remote-cache') + '/')).toBe(true);
    expect((await readFile(got?.path ?? '')).equals(bytes)).toBe(true);
    // The body has no text (only U+FFFC), so the placeholder stands in for it.
    expect(res.placeholder).toBe('<media:image>');
  });

  it('refuses a wrong host key with a clear error and writes no file', async () => {
    const remotePath = await remoteFile('doc.pdf', randomBytes(100));
    const destDir = join(dir, 'state-wrong-key');
    const err = await fetchRemoteFile({ host: sshd.target, remotePath, destDir, maxBytes: 1 << 20, sshArgs: ['-F', sshd.wrongKeyConfig] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScpFailedError);
    expect((err as Error).message).toMatch(/^scp failed \(\d+\): [\s\S]*Host key verification failed/);
    expect(await readdir(destDir)).toEqual([]);
  });

  it('a remote file that does not exist is a visible fetch failure', async () => {
    const remotePath = join(attachmentsDir, 'nope', 'gone.jpg');
    const res = await resolveInboundAttachments(
      { attachments: [{ original_path: remotePath, mime_type: 'image/jpeg', missing: false }] },
      { account: remoteAccount(), remoteHost: sshd.target, stateDir: join(dir, 'state-missing'), sessionKey: 's', sshArgs: ['-F', sshd.sshConfig] },
    );
    expect(res.valid).toEqual([]);
    expect(res.dropped).toEqual([{ originalPath: remotePath, reason: expect.stringMatching(/^fetch failed: scp failed \(\d+\): .*(No such file|not found)/) }]);
  });

  it('caps the size after the copy: the oversized copy is deleted', async () => {
    const remotePath = await remoteFile('big.bin', randomBytes(5000));
    const destDir = join(dir, 'state-cap');
    const err = await fetchRemoteFile({ host: sshd.target, remotePath, destDir, maxBytes: 4096, sshArgs: ['-F', sshd.sshConfig] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteFileTooLargeError);
    expect(await readdir(destDir)).toEqual([]);
    // Through resolution (no total_bytes reported, so only the post-copy check can catch it).
    const big = await remoteFile('big.mov', randomBytes(1.5 * 1024 * 1024));
    const res = await resolveInboundAttachments(
      { attachments: [{ original_path: big, mime_type: 'video/quicktime' }] },
      { account: remoteAccount({ mediaMaxMb: 1 }), remoteHost: sshd.target, stateDir: join(dir, 'state-cap2'), sessionKey: 's', sshArgs: ['-F', sshd.sshConfig] },
    );
    expect(res.dropped).toEqual([{ originalPath: big, reason: 'too large (1.5 MB > 1 MB)' }]);
    expect(res.valid).toEqual([]);
  });
});
