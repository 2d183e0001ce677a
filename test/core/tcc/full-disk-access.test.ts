// Full Disk Access from file reads alone (macos-electron §3.2), faked errnos, plus the real reader.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatDbPath, fdaProbePath, probeFullDiskAccess, SYSTEM_TCC_DB } from '../../../electron/core/tcc/full-disk-access.js';
import { checkSqliteHead, readHead } from '../../../electron/core/tcc/read-head.js';
import { type FakeFile, fakeReadHead, SQLITE_HEAD } from './fake-fs.js';

const HOME = '/Users/ann';
const CHAT = '/Users/ann/Library/Messages/chat.db';

describe('probeFullDiskAccess', () => {
  it.each<[string, string, string, FakeFile, FakeFile | undefined]>([
    ['EPERM on chat.db (TCC)', 'denied', 'tcc-blocked', 'EPERM', undefined],
    ['EACCES on chat.db (file modes, noted apart)', 'denied', 'file-permissions', 'EACCES', undefined],
    ['a correct header', 'granted', 'chat-db-readable', SQLITE_HEAD, undefined],
    ['a short read (open allowed, read cut)', 'denied', 'unreadable', SQLITE_HEAD.subarray(0, 9), undefined],
    ['an empty read (TCC empties it)', 'denied', 'unreadable', Buffer.alloc(0), undefined],
    ['a wrong header', 'denied', 'unreadable', Buffer.from('PK\u0003\u0004 not sqlite!'), undefined],
    ['another errno', 'unknown', 'probe-error', 'EIO', undefined],
    ['ENOENT, TCC.db readable', 'granted', 'sentinel-readable', 'ENOENT', SQLITE_HEAD],
    ['ENOENT, TCC.db EPERM', 'denied', 'tcc-blocked', 'ENOENT', 'EPERM'],
    ['ENOENT, TCC.db empty (fail closed)', 'denied', 'unreadable', 'ENOENT', Buffer.alloc(0)],
    ['ENOENT, TCC.db missing too', 'unknown', 'no-messages-data', 'ENOENT', 'ENOENT'],
  ])('%s → %s (%s)', async (_name, status, reason, chat, sentinel) => {
    const files: Record<string, FakeFile> = { [CHAT]: chat, ...(sentinel ? { [SYSTEM_TCC_DB]: sentinel } : {}) };
    const { readHead: read, reads } = fakeReadHead(files);
    const verdict = await probeFullDiskAccess({ readHead: read, home: HOME, timeoutMs: 500 });
    expect(verdict).toMatchObject({ status, reason });
    // The sentinel is only consulted when chat.db is missing.
    expect(reads).toEqual(chat === 'ENOENT' ? [CHAT, SYSTEM_TCC_DB] : [CHAT]);
    expect(verdict.sentinel !== undefined).toBe(chat === 'ENOENT');
  });

  it('answers unknown when a read never returns (timeout)', async () => {
    const { readHead: read } = fakeReadHead({ [CHAT]: 'hang' });
    const started = Date.now();
    const verdict = await probeFullDiskAccess({ readHead: read, home: HOME, timeoutMs: 40 });
    expect(verdict).toMatchObject({ status: 'unknown', reason: 'timeout', chatDb: { finding: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("lets imsg's own Full Disk Access error overrule a readable chat.db", async () => {
    const { readHead: read } = fakeReadHead({ [CHAT]: SQLITE_HEAD });
    expect(await probeFullDiskAccess({ readHead: read, home: HOME })).toMatchObject({ status: 'granted' });
    expect(await probeFullDiskAccess({ readHead: read, home: HOME, bridgeDenied: true })).toMatchObject({ status: 'denied', reason: 'bridge', chatDb: { finding: 'readable' } });
  });

  it('reads a dbPath inside ~/Library/Messages, but judges other paths by the default chat.db', async () => {
    const inside = fakeReadHead({ '/Users/ann/Library/Messages/alt/chat.db': SQLITE_HEAD });
    expect(await probeFullDiskAccess({ dbPath: '~/Library/Messages/alt/chat.db', readHead: inside.readHead, home: HOME })).toMatchObject({ status: 'granted' });
    expect(inside.reads).toEqual(['/Users/ann/Library/Messages/alt/chat.db']);
    // A demo database reads fine without Full Disk Access, so it proves nothing.
    const demo = fakeReadHead({ '/tmp/demo/chat.db': SQLITE_HEAD, [CHAT]: 'EPERM' });
    expect(await probeFullDiskAccess({ dbPath: '/tmp/demo/chat.db', readHead: demo.readHead, home: HOME })).toMatchObject({ status: 'denied', chatDb: { path: CHAT } });
    expect(demo.reads).toEqual([CHAT]);
    expect(fdaProbePath('~/Library/MessagesX/chat.db', HOME)).toBe(CHAT);
    expect(chatDbPath(undefined, HOME)).toBe(CHAT);
    expect(chatDbPath('  ', HOME)).toBe(CHAT);
  });
});

describe('readHead + checkSqliteHead on real files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tcc-head-'));
  });
  afterAll(async () => {
    await chmod(join(dir, 'locked.db'), 0o600).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts a real SQLite header and rejects short, foreign and missing files', async () => {
    await writeFile(join(dir, 'ok.db'), Buffer.concat([SQLITE_HEAD, Buffer.alloc(84)]));
    await writeFile(join(dir, 'short.db'), 'SQLite format');
    await writeFile(join(dir, 'text.db'), 'hello, this is not a database');
    expect(await checkSqliteHead(join(dir, 'ok.db'), readHead, 2000)).toEqual({ path: join(dir, 'ok.db'), finding: 'readable' });
    expect((await checkSqliteHead(join(dir, 'short.db'), readHead, 2000)).finding).toBe('bad-header');
    expect((await checkSqliteHead(join(dir, 'text.db'), readHead, 2000)).finding).toBe('bad-header');
    expect(await checkSqliteHead(join(dir, 'none.db'), readHead, 2000)).toMatchObject({ finding: 'missing', detail: 'ENOENT' });
    expect((await checkSqliteHead(dir, readHead, 2000)).finding).toBe('error');
    expect((await readHead(join(dir, 'ok.db'), 16)).equals(SQLITE_HEAD)).toBe(true);
  });

  it('maps a mode-000 file to eacces for a normal user (root reads it anyway)', async () => {
    const path = join(dir, 'locked.db');
    await writeFile(path, SQLITE_HEAD);
    await chmod(path, 0o000);
    const expected = process.getuid?.() === 0 ? 'readable' : 'eacces';
    expect((await checkSqliteHead(path, readHead, 2000)).finding).toBe(expected);
  });
});
