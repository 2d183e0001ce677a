import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairingStore } from '../../../electron/core/pairing/store.js';
import { credPath, makeStore, readCred, tempStateDir, writeCred } from './fixtures/state.js';

let dir: string;

beforeEach(async () => {
  dir = await tempStateDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function request(store: PairingStore, senderId: string, accountId = 'default'): Promise<string> {
  const res = await store.upsertRequest({ accountId, senderId });
  if (!res.created) throw new Error(`no request created for ${senderId}`);
  return res.code;
}

describe('legacy allowFrom file', () => {
  it.each([
    ['default', ['+15550000001', '+15550000002']],
    ['work', ['+15550000001']],
  ])('is read for the default account only (%s)', async (accountId, want) => {
    await writeCred(dir, 'imessage-allowFrom.json', { version: 1, allowFrom: ['+15550000002', ' ', '+15550000001'] });
    await writeCred(dir, `imessage-${accountId}-allowFrom.json`, { version: 1, allowFrom: ['+15550000001'] });
    expect(await makeStore(dir).readApproved(accountId)).toEqual(want);
  });

  it('counts as the default account in listApproved, next to scoped files', async () => {
    await writeCred(dir, 'imessage-allowFrom.json', { version: 1, allowFrom: ['old@example.com'] });
    await writeCred(dir, 'imessage-work-allowFrom.json', { version: 1, allowFrom: ['+15550000003'] });
    expect(await makeStore(dir).listApproved()).toEqual([
      { accountId: 'default', sender: 'old@example.com' },
      { accountId: 'work', sender: '+15550000003' },
    ]);
  });
});

describe('deny', () => {
  it('removes the request; the next message starts over with a new request', async () => {
    const store = makeStore(dir);
    const code = await request(store, '+15550000001');
    expect(await store.deny(code.toLowerCase())).toMatchObject({ id: '+15550000001', code });
    expect(await store.listPending()).toEqual([]);
    expect(await store.isBlocked('default', '+15550000001')).toBe(false);
    const again = await store.upsertRequest({ accountId: 'default', senderId: '+15550000001' });
    expect(again.created).toBe(true);
  });

  it('with block, ignores the sender from now on until unblocked', async () => {
    const store = makeStore(dir);
    const code = await request(store, 'Friend@Example.com', 'work');
    await store.deny(code, { block: true });
    expect(await readCred(dir, 'imessage-work-blocked.json')).toEqual({ version: 1, blocked: ['friend@example.com'] });
    expect(await store.isBlocked('work', 'imessage:FRIEND@example.com')).toBe(true);
    expect(await store.isBlocked('default', 'friend@example.com')).toBe(false);
    expect(await store.upsertRequest({ accountId: 'work', senderId: 'friend@example.com' })).toEqual({ code: '', created: false, blocked: true });
    expect(await store.listPending()).toEqual([]);
    expect(await store.unblock('FRIEND@example.com')).toBe(true);
    expect(await store.unblock('friend@example.com')).toBe(false);
    expect((await store.upsertRequest({ accountId: 'work', senderId: 'friend@example.com' })).created).toBe(true);
  });

  it.each([
    ['an unknown code', 'ZZZZZZZZ', undefined],
    ['another account', null, 'work'],
  ])('returns null for %s and changes nothing', async (_name, typed, accountId) => {
    const store = makeStore(dir);
    const code = await request(store, '+15550000001');
    expect(await store.deny(typed ?? code, { block: true, accountId })).toBeNull();
    expect(await store.listPending()).toHaveLength(1);
    await expect(fs.stat(credPath(dir, 'imessage-default-blocked.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('revoke', () => {
  beforeEach(async () => {
    await writeCred(dir, 'imessage-allowFrom.json', { version: 1, allowFrom: ['+15550000001', 'keep@example.com'] });
    await writeCred(dir, 'imessage-default-allowFrom.json', { version: 1, allowFrom: ['15550000001'] });
    await writeCred(dir, 'imessage-work-allowFrom.json', { version: 1, allowFrom: ['+15550000001', '+15550000002'] });
  });

  it.each([
    ['every account when none is given', 'imessage:+1 (555) 000-0001', undefined, true, { default: ['keep@example.com'], work: ['+15550000002'] }],
    ['only the given account', '+15550000001', 'work', true, { default: ['15550000001', '+15550000001', 'keep@example.com'], work: ['+15550000002'] }],
    ['the legacy file too for the default account', '+15550000001', 'default', true, { default: ['keep@example.com'], work: ['+15550000001', '+15550000002'] }],
    ['nothing for an unknown sender', 'nobody@example.com', undefined, false, { default: ['15550000001', '+15550000001', 'keep@example.com'], work: ['+15550000001', '+15550000002'] }],
    ['nothing for an empty handle', '  ', undefined, false, { default: ['15550000001', '+15550000001', 'keep@example.com'], work: ['+15550000001', '+15550000002'] }],
  ])('removes from %s', async (_name, handle, accountId, removed, want) => {
    const store = makeStore(dir);
    expect(await store.revoke(handle, accountId)).toBe(removed);
    expect(await store.readApproved('default')).toEqual(want.default);
    expect(await store.readApproved('work')).toEqual(want.work);
  });
});

describe('files', () => {
  it('are written 0600 in a 0700 credentials folder, with no temp files left', async () => {
    await fs.mkdir(join(dir, 'credentials'), { mode: 0o755 });
    const store = makeStore(dir);
    const code = await request(store, '+15550000001');
    await store.approve(code);
    await store.deny(await request(store, '+15550000002'), { block: true });
    expect((await fs.stat(join(dir, 'credentials'))).mode & 0o777).toBe(0o700);
    const names = (await fs.readdir(join(dir, 'credentials'))).sort();
    expect(names).toEqual(['imessage-default-allowFrom.json', 'imessage-default-blocked.json', 'imessage-pairing-notes.json', 'imessage-pairing.json']);
    for (const name of names) expect((await fs.stat(credPath(dir, name))).mode & 0o777).toBe(0o600);
  });

  it('readApproved sees changes made by another writer (stat-keyed cache)', async () => {
    const store = makeStore(dir);
    expect(await store.readApproved('default')).toEqual([]);
    await writeCred(dir, 'imessage-default-allowFrom.json', { version: 1, allowFrom: ['+15550000001'] });
    expect(await store.readApproved('default')).toEqual(['+15550000001']);
    const other = makeStore(dir);
    await other.approve(await request(other, '+15550000002'));
    expect(await store.readApproved('default')).toEqual(['+15550000001', '+15550000002']);
    await other.revoke('+15550000001');
    expect(await store.readApproved('default')).toEqual(['+15550000002']);
  });
});
