import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidAccountIdError } from '../../../electron/core/pairing/paths.js';
import { credPath, makeStore, readCred, tempStateDir, testClock, writeCred } from './fixtures/state.js';

const HOUR = 60 * 60 * 1000;
let dir: string;

beforeEach(async () => {
  dir = await tempStateDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('upsertRequest', () => {
  it('creates a request with a code, normalized id, meta with accountId, and the §9 file format', async () => {
    const clock = testClock();
    const store = makeStore(dir, { now: clock.now });
    const res = await store.upsertRequest({ accountId: 'default', senderId: 'imessage:+1 (555) 000-1111', meta: { sender: '+15550001111', chatId: '7' } });
    expect(res).toMatchObject({ created: true, code: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    expect(res.request).toEqual({
      id: '+15550001111',
      code: res.code,
      accountId: 'default',
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-01T01:00:00.000Z',
      lastSeenAt: '2026-01-01T00:00:00.000Z',
      meta: { sender: '+15550001111', chatId: '7', accountId: 'default' },
    });
    expect(await readCred(dir, 'imessage-pairing.json')).toEqual({
      version: 1,
      requests: [{ id: '+15550001111', code: res.code, createdAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:00:00.000Z', meta: { sender: '+15550001111', chatId: '7', accountId: 'default' } }],
    });
  });

  it('keeps the code on re-contact, updates lastSeenAt and replaces the meta', async () => {
    const clock = testClock();
    const store = makeStore(dir, { now: clock.now });
    const first = await store.upsertRequest({ accountId: 'default', senderId: '+15550001111', meta: { sender: '+15550001111', chatId: '7' } });
    clock.advance(10 * 60 * 1000);
    const again = await store.upsertRequest({ accountId: 'default', senderId: '15550001111', meta: { sender: '15550001111' } });
    expect(again).toMatchObject({ code: first.code, created: false });
    const [req] = await store.listPending();
    expect(req).toMatchObject({ code: first.code, createdAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:10:00.000Z', meta: { sender: '15550001111', accountId: 'default' } });
    expect(req?.meta).not.toHaveProperty('chatId');
  });

  it.each([
    ['a 4th sender of the same account is refused', 'default', { code: '', created: false }],
    ['another account has its own cap', 'work', { created: true }],
  ])('caps pending requests at 3 per account: %s', async (_name, accountId, want) => {
    const store = makeStore(dir);
    for (const n of [1, 2, 3]) expect((await store.upsertRequest({ accountId: 'default', senderId: `+1555000000${n}` })).created).toBe(true);
    expect(await store.upsertRequest({ accountId, senderId: '+15550000009' })).toMatchObject(want);
    // Re-contact of a pending sender still works at the cap.
    expect(await store.upsertRequest({ accountId: 'default', senderId: '+15550000001' })).toMatchObject({ created: false, code: expect.stringMatching(/^.{8}$/) });
  });

  it('makes room again once a request expires', async () => {
    const clock = testClock();
    const store = makeStore(dir, { now: clock.now });
    await store.upsertRequest({ accountId: 'default', senderId: '+15550000001' });
    clock.advance(30 * 60 * 1000);
    for (const n of [2, 3]) await store.upsertRequest({ accountId: 'default', senderId: `+1555000000${n}` });
    expect((await store.upsertRequest({ accountId: 'default', senderId: '+15550000004' })).created).toBe(false);
    clock.advance(30 * 60 * 1000);
    expect((await store.upsertRequest({ accountId: 'default', senderId: '+15550000004' })).created).toBe(true);
  });

  it.each(['', '   ', 'imessage:'])('refuses an empty sender id %j without writing', async (senderId) => {
    await expect(makeStore(dir).upsertRequest({ accountId: 'default', senderId })).rejects.toThrow(/sender id .* is empty/);
    await expect(fs.stat(credPath(dir, 'imessage-pairing.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each(['../evil', 'a/b', 'a\\b', '', '.hidden', '-x', 'x'.repeat(65)])('rejects account id %j before touching files', async (accountId) => {
    const store = makeStore(dir);
    await expect(store.upsertRequest({ accountId, senderId: '+15550000001' })).rejects.toBeInstanceOf(InvalidAccountIdError);
    await expect(store.readApproved(accountId)).rejects.toBeInstanceOf(InvalidAccountIdError);
    await expect(store.approve('ABCDEFGH', accountId)).rejects.toBeInstanceOf(InvalidAccountIdError);
    await expect(fs.readdir(dir)).resolves.toEqual([]);
  });
});

describe('TTL', () => {
  it.each([
    ['just before expiry', HOUR - 1, 1],
    ['at expiry', HOUR, 0],
    ['long after', 5 * HOUR, 0],
  ])('a request is %s: %i ms after creation → %i pending, and the file is pruned on read', async (_name, age, want) => {
    const clock = testClock();
    const store = makeStore(dir, { now: clock.now });
    await store.upsertRequest({ accountId: 'default', senderId: '+15550000001' });
    clock.advance(age);
    expect(await store.listPending()).toHaveLength(want);
    expect(((await readCred(dir, 'imessage-pairing.json')) as { requests: unknown[] }).requests).toHaveLength(want);
  });

  it('measures from createdAt, not lastSeenAt, and an expired code can no longer be approved', async () => {
    const clock = testClock();
    const store = makeStore(dir, { now: clock.now, ttlMs: 1000 });
    const { code } = await store.upsertRequest({ accountId: 'default', senderId: '+15550000001' });
    clock.advance(900);
    await store.upsertRequest({ accountId: 'default', senderId: '+15550000001' });
    clock.advance(100);
    expect(await store.approve(code)).toBeNull();
    expect(await store.readApproved('default')).toEqual([]);
    // The sender's next message starts over with a new request.
    expect((await store.upsertRequest({ accountId: 'default', senderId: '+15550000001' })).created).toBe(true);
  });
});

describe('listPending', () => {
  it('sorts by createdAt and filters by account', async () => {
    await writeCred(dir, 'imessage-pairing.json', {
      version: 1,
      requests: [
        { id: '+3', code: 'CCCCCCCC', createdAt: '2026-01-01T00:30:00.000Z', lastSeenAt: '2026-01-01T00:30:00.000Z', meta: { accountId: 'work' } },
        { id: '+1', code: 'AAAAAAAA', createdAt: '2026-01-01T00:10:00.000Z', lastSeenAt: '2026-01-01T00:10:00.000Z', meta: { accountId: 'default' } },
        { id: '+2', code: 'BBBBBBBB', createdAt: '2026-01-01T00:20:00.000Z', lastSeenAt: '2026-01-01T00:20:00.000Z', meta: {} },
      ],
    });
    const store = makeStore(dir, { now: testClock(Date.parse('2026-01-01T00:40:00.000Z')).now });
    expect((await store.listPending()).map((r) => r.code)).toEqual(['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']);
    // A request without meta.accountId (older file) belongs to the default account.
    expect((await store.listPending('default')).map((r) => r.id)).toEqual(['+1', '+2']);
    expect((await store.listPending('work')).map((r) => r.id)).toEqual(['+3']);
  });
});

describe('approve', () => {
  it.each([
    ['the exact code', (c: string) => c, undefined, true],
    ['lower case', (c: string) => c.toLowerCase(), undefined, true],
    ['surrounding whitespace', (c: string) => `  ${c.toLowerCase()}\n`, undefined, true],
    ['the right account', (c: string) => c, 'work', true],
    ['the right account spelled differently (ids are trimmed, lower-case)', (c: string) => c, ' Work ', true],
    ['another account', (c: string) => c, 'default', false],
    ['an unknown code', () => 'ZZZZZZZZ', undefined, false],
    ['a blank code', () => '   ', undefined, false],
  ])('with %s → approved=%s', async (_name, typed, accountId, approved) => {
    const store = makeStore(dir);
    const { code } = await store.upsertRequest({ accountId: 'work', senderId: 'Someone@Example.com' });
    const req = await store.approve(typed(code), accountId);
    if (approved) {
      expect(req).toMatchObject({ id: 'someone@example.com', code, accountId: 'work' });
      expect(await store.listPending()).toEqual([]);
      expect(await readCred(dir, 'imessage-work-allowFrom.json')).toEqual({ version: 1, allowFrom: ['someone@example.com'] });
      expect(await store.readApproved('work')).toEqual(['someone@example.com']);
    } else {
      expect(req).toBeNull();
      expect(await store.listPending()).toHaveLength(1);
      expect(await store.readApproved('work')).toEqual([]);
    }
  });

  it('does not duplicate a sender that is already approved', async () => {
    await writeCred(dir, 'imessage-default-allowFrom.json', { version: 1, allowFrom: ['+15550000001'] });
    const store = makeStore(dir);
    const { code } = await store.upsertRequest({ accountId: 'default', senderId: '+1 555 000 0001' });
    await store.approve(code);
    expect(await readCred(dir, 'imessage-default-allowFrom.json')).toEqual({ version: 1, allowFrom: ['+15550000001'] });
  });
});
