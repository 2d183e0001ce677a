import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairingStoreError } from '../../../electron/core/pairing/files.js';
import type { PairingStore } from '../../../electron/core/pairing/store.js';
import { credPath, makeStore, tempStateDir, writeCred } from './fixtures/state.js';

let dir: string;

beforeEach(async () => {
  dir = await tempStateDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const REQ = { id: '+15550000001', code: 'ABCDEFGH', createdAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:00:00.000Z', meta: { accountId: 'default' } };

// [file, content, what the error must say]
const CORRUPT: Array<[string, string, RegExp]> = [
  ['imessage-pairing.json', '{"version":1,"requests":[', /not valid JSON/],
  ['imessage-pairing.json', '', /not valid JSON/],
  ['imessage-pairing.json', '[]', /\(top level\)/],
  ['imessage-pairing.json', JSON.stringify({ version: 2, requests: [] }), /version: /],
  ['imessage-pairing.json', JSON.stringify({ version: 1, requests: {} }), /requests: /],
  ['imessage-pairing.json', JSON.stringify({ version: 1, requests: [{ ...REQ, code: 7 }] }), /requests\[0\]\.code: /],
  ['imessage-pairing.json', JSON.stringify({ version: 1, requests: [{ ...REQ, createdAt: 'yesterday' }] }), /requests\[0\]\.createdAt: not a valid timestamp/],
  ['imessage-pairing.json', JSON.stringify({ version: 1, requests: [{ ...REQ, meta: { accountId: '../../etc' } }] }), /meta\.accountId is not a valid account id/],
  ['imessage-default-allowFrom.json', JSON.stringify({ version: 1, allowFrom: 'nope' }), /allowFrom: /],
  ['imessage-default-allowFrom.json', '{oops', /not valid JSON/],
  ['imessage-allowFrom.json', JSON.stringify({ version: 1, allowFrom: [null] }), /allowFrom\[0\]: /],
  ['imessage-default-blocked.json', JSON.stringify({ version: 1 }), /blocked: /],
];

// Every operation that reads the file in question, so it must report it.
const OPS: Record<string, Array<[string, (s: PairingStore) => Promise<unknown>]>> = {
  'imessage-pairing.json': [
    ['listPending', (s) => s.listPending()],
    ['upsertRequest', (s) => s.upsertRequest({ accountId: 'default', senderId: '+15550000009' })],
    ['approve', (s) => s.approve('ABCDEFGH')],
    ['deny', (s) => s.deny('ABCDEFGH', { block: true })],
  ],
  'imessage-default-allowFrom.json': [
    ['readApproved', (s) => s.readApproved('default')],
    ['listApproved', (s) => s.listApproved()],
    ['approve', (s) => s.approve('ABCDEFGH')],
    ['revoke', (s) => s.revoke('+15550000001')],
  ],
  'imessage-allowFrom.json': [
    ['readApproved', (s) => s.readApproved('default')],
    ['revoke', (s) => s.revoke('+15550000001', 'default')],
  ],
  'imessage-default-blocked.json': [
    ['isBlocked', (s) => s.isBlocked('default', '+15550000001')],
    ['upsertRequest', (s) => s.upsertRequest({ accountId: 'default', senderId: '+15550000009' })],
    ['deny --block', (s) => s.deny('ABCDEFGH', { block: true })],
    ['unblock', (s) => s.unblock('+15550000001')],
  ],
};

describe('a corrupt file', () => {
  it.each(CORRUPT)('%s containing %j is reported by every operation reading it, and left untouched', async (name, content, problem) => {
    // A valid pending request so approve/deny get as far as the list files.
    if (name !== 'imessage-pairing.json') await writeCred(dir, 'imessage-pairing.json', { version: 1, requests: [REQ] });
    await writeCred(dir, name, content);
    const store = makeStore(dir);
    for (const [op, call] of OPS[name] ?? []) {
      const err = await call(store).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, op).toBeInstanceOf(PairingStoreError);
      expect((err as PairingStoreError).file, op).toBe(credPath(dir, name));
      expect((err as PairingStoreError).message, op).toMatch(problem);
      expect((err as PairingStoreError).message, op).toContain(credPath(dir, name));
      expect(await fs.readFile(credPath(dir, name), 'utf8'), op).toBe(content);
    }
    // Nothing was half-applied: the pending request is still there untouched.
    if (name !== 'imessage-pairing.json') expect(JSON.parse(await fs.readFile(credPath(dir, 'imessage-pairing.json'), 'utf8'))).toEqual({ version: 1, requests: [REQ] });
  });

  it('in one account does not stop the others', async () => {
    await writeCred(dir, 'imessage-work-allowFrom.json', '{oops');
    const store = makeStore(dir);
    const { code } = await store.upsertRequest({ accountId: 'default', senderId: '+15550000001' });
    expect(await store.approve(code)).toMatchObject({ id: '+15550000001' });
    expect(await store.readApproved('default')).toEqual(['+15550000001']);
    await expect(store.readApproved('work')).rejects.toBeInstanceOf(PairingStoreError);
  });
});
