// Approval notes are owed durably: an approval made while the app is stopped (the CLI) is
// announced at the next start, a failed send keeps the note for a later try, a note caught
// mid-send by a stop is never sent twice, and stale or switched-off notes are settled quietly.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountRuntime } from '../../../electron/core/app/account-runtime.js';
import type { ActivityLog } from '../../../electron/core/app/activity-log.js';
import { ApprovalNoteSender, NOTE_RETRY_MS } from '../../../electron/core/app/approval-note-sender.js';
import { notesFile } from '../../../electron/core/pairing/approval-notes.js';
import { APPROVED_NOTE_TEXT, PairingStore } from '../../../electron/core/pairing/index.js';
import { channel, cleanup, ECHO_AGENTS, startApp, until } from './app-fixture.js';

const STRANGER = '+15550100009';
const dirs: string[] = [];
afterEach(async () => {
  await cleanup();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'notes-'));
  dirs.push(dir);
  return dir;
}

/** A request from STRANGER in chat 7, approved with the app not running (as `pairing approve` does). */
async function approvedOffline(dir: string, now?: () => number): Promise<PairingStore> {
  const store = new PairingStore({ stateDir: dir, ...(now && { now }) });
  const { code } = await store.upsertRequest({ accountId: 'default', senderId: STRANGER, meta: { sender: STRANGER, chatId: '7' } });
  expect(await store.approve(code)).not.toBeNull();
  return store;
}

const owed = async (dir: string): Promise<unknown[]> => (JSON.parse(await readFile(notesFile(join(dir, 'credentials')), 'utf8')) as { notes: unknown[] }).notes;

describe('approval notes', () => {
  it('an approval made while the app was stopped is announced once at the next start, in the sender\'s chat', async () => {
    const dir = await tempDir();
    await approvedOffline(dir);
    expect(await owed(dir)).toMatchObject([{ accountId: 'default', id: STRANGER, chatId: '7' }]);
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS }, { dir });
    const [note] = await fx.imsg.waitForSends(1);
    expect(note?.params).toMatchObject({ text: APPROVED_NOTE_TEXT, chat_id: 7 });
    await fx.activity((e) => e.sender === STRANGER && e.detail === `approved; note sent: "${APPROVED_NOTE_TEXT}"`);
    await until(async () => (await owed(dir)).length === 0, 'the note settled');
    await fx.stop({ keepDir: true });
    const again = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS }, { dir });
    await new Promise((r) => setTimeout(r, 300));
    expect(again.imsg.sends).toEqual([]);
  });

  it('a note caught mid-send by a stop is not sent again; a week-old one is dropped; both say so', async () => {
    const dir = await tempDir();
    const weekAgo = Date.now() - 8 * 24 * 3600_000;
    await approvedOffline(dir, () => weekAgo);
    const file = notesFile(join(dir, 'credentials'));
    const other = { accountId: 'default', id: '+15550100010', sender: '+15550100010', approvedAt: new Date().toISOString(), sendingSince: new Date().toISOString() };
    const notes = JSON.parse(await readFile(file, 'utf8')) as { version: 1; notes: unknown[] };
    await writeFile(file, JSON.stringify({ version: 1, notes: [...notes.notes, other] }));
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS }, { dir });
    await fx.activity((e) => e.sender === STRANGER && /^approval note not sent: approved .+, more than 7 days ago/.test(e.detail ?? ''));
    await fx.activity((e) => e.sender === '+15550100010' && /the app stopped while sending it .+; not sent again/.test(e.detail ?? ''));
    await until(async () => (await owed(dir)).length === 0, 'both notes settled');
    expect(fx.imsg.sends).toEqual([]);
  });

  it('pairing.notifyApproved: false settles owed notes without sending; a revoked approval is not announced', async () => {
    const dir = await tempDir();
    const store = await approvedOffline(dir);
    const quiet = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS, pairing: { notifyApproved: false } }, { dir });
    await until(async () => (await owed(dir)).length === 0, 'the note settled');
    expect(quiet.imsg.sends).toEqual([]);
    await quiet.stop({ keepDir: true });

    const { code } = await store.upsertRequest({ accountId: 'default', senderId: '+15550100011', meta: { sender: '+15550100011' } });
    await store.approve(code);
    expect(await store.revoke('+15550100011')).toBe(true);
    const fx = await startApp({ channels: { imessage: channel() }, agents: ECHO_AGENTS }, { dir });
    await until(async () => (await owed(dir)).length === 0, 'the revoked note settled');
    expect(fx.imsg.sends).toEqual([]);
  });

  it('a failed send keeps the note (not marked sending) and asks for a retry; the next pass sends it and settles it', async () => {
    const dir = await tempDir();
    const store = await approvedOffline(dir);
    const log: string[] = [];
    const retries: number[] = [];
    let fail = true;
    const sent: string[] = [];
    const tasks: Array<Promise<void>> = [];
    const rt = {
      account: { accountId: 'default' },
      supervisor: { health: () => ({ state: 'watching' }) },
      deps: { activity: { append: async (e: { detail: string }) => void log.push(e.detail) } },
      enqueueTask: (_key: string, task: () => Promise<void>) => (tasks.push(task()), true),
      send: async (target: string, chunks: readonly string[]) => {
        if (fail) throw new Error('imsg rpc not running');
        sent.push(`${target} ${chunks.join('')}`);
        return [];
      },
    } as unknown as AccountRuntime;
    const activity = { append: async (e: { detail: string }) => void log.push(e.detail) } as unknown as ActivityLog;
    const sender = new ApprovalNoteSender({ pairing: store, activity, enabled: () => true, runtime: () => rt, retryLater: (ms) => void retries.push(ms) });
    await sender.pass();
    await Promise.all(tasks.splice(0));
    expect(sent).toEqual([]);
    expect(retries).toEqual([NOTE_RETRY_MS]);
    expect(log).toEqual([`approval note not sent yet: imsg rpc not running; trying again in ${NOTE_RETRY_MS / 1000} s`]);
    const [kept] = await store.listOwedNotes();
    expect(kept).toMatchObject({ id: STRANGER });
    expect(kept?.sendingSince).toBeUndefined();

    fail = false;
    await sender.pass();
    await Promise.all(tasks.splice(0));
    expect(sent).toEqual([`chat_id:7 ${APPROVED_NOTE_TEXT}`]);
    expect(await store.listOwedNotes()).toEqual([]);
    await sender.pass();
    await Promise.all(tasks.splice(0));
    expect(sent).toHaveLength(1);
  });

  it('a corrupt notes file never blocks an approval, and status names it', async () => {
    const dir = await tempDir();
    const store = new PairingStore({ stateDir: dir });
    const { code } = await store.upsertRequest({ accountId: 'default', senderId: STRANGER, meta: { sender: STRANGER } });
    const file = notesFile(join(dir, 'credentials'));
    await writeFile(file, '{ not json');
    expect(await store.approve(code)).toMatchObject({ id: STRANGER });
    expect(await store.readApproved('default')).toEqual([STRANGER]);
    expect(await readFile(file, 'utf8')).toBe('{ not json');
    expect((await store.fileProblems()).map((p) => p.file)).toEqual([file]);
  });
});
