// Contacts names (imsg ≥ 0.6.0, rpc spec §3.1/§3.8/§8): sender_name on inbound messages, contact_name on
// direct chats in chats.list, status.contacts.available in protocol v1; none before 0.6.0.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { injectMessage, openChatDb } from './db-writer.js';
import { isNotification, makeSimDb, SimRpc } from './rpc-harness.js';
import { contactKey } from './store/contacts.js';
import { versionAtLeast } from './sim-env.js';

let cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A DB with a contact's DM, an unknown sender's DM, a group with the contact in it, and a sim of `version`. */
async function start(version: string): Promise<SimRpc & { dbPath: string }> {
  const db = await makeSimDb();
  const contacts = join(db.dir, 'contacts.json');
  writeFileSync(contacts, JSON.stringify({ '+1 (555) 010-0001': 'Carol Diaz', 'Dan@Example.com': 'Dan' }));
  const w = openChatDb(db.dbPath);
  injectMessage(w, { from: '+15550100001', text: 'hi from carol' });
  injectMessage(w, { from: '+15550100002', text: 'hi from a stranger' });
  injectMessage(w, { from: 'dan@example.com', groupName: 'Book club', participants: ['+15550100001'], text: 'group hi' });
  injectMessage(w, { from: '+15550100001', fromMe: true, text: 'my own reply' });
  w.close();
  const sim = SimRpc.start({ db: db.dbPath, env: { IMSG_VERSION: version, IMSG_SIM_CONTACTS: contacts } });
  cleanups.push(db.cleanup, () => sim.child.kill());
  return Object.assign(sim, { dbPath: db.dbPath });
}

/** Messages of every chat, oldest first, by text. */
async function history(sim: SimRpc): Promise<Map<string, Record<string, unknown>>> {
  const { chats } = (await sim.call('chats.list', { limit: 10 })) as { chats: { id: number }[] };
  const out = new Map<string, Record<string, unknown>>();
  for (const chat of chats) {
    const { messages } = (await sim.call('messages.history', { chat_id: chat.id })) as { messages: Record<string, unknown>[] };
    for (const m of messages) out.set(String(m.text), m);
  }
  return out;
}

describe('Contacts names in the simulator', () => {
  it('matches handles like Contacts does: emails by case, numbers by digits', () => {
    expect(contactKey('+1 (555) 010-0001')).toBe(contactKey('+15550100001'));
    expect(contactKey('Dan@Example.com')).toBe('dan@example.com');
    expect(versionAtLeast('0.6.0', [0, 6, 0]) && !versionAtLeast('0.5.9', [0, 6, 0])).toBe(true);
  });

  it('0.9.0: sender_name on inbound messages of contacts, contact_name on direct chats only', async () => {
    const sim = await start('0.9.0');
    const { chats } = (await sim.call('chats.list', { limit: 10 })) as { chats: Record<string, unknown>[] };
    expect(chats.find((c) => c.identifier === '+15550100001')?.contact_name).toBe('Carol Diaz');
    expect(chats.find((c) => c.identifier === '+15550100002')).not.toHaveProperty('contact_name');
    expect(chats.find((c) => c.is_group === true)).not.toHaveProperty('contact_name');
    const byText = await history(sim);
    expect(byText.get('hi from carol')?.sender_name).toBe('Carol Diaz');
    expect(byText.get('group hi')?.sender_name).toBe('Dan');
    expect(byText.get('hi from a stranger')).not.toHaveProperty('sender_name');
    expect(byText.get('my own reply')).not.toHaveProperty('sender_name');
  });

  it('a watched inbound message carries sender_name too', async () => {
    const sim = await start('0.9.0');
    await sim.call('watch.subscribe', {});
    const w = openChatDb(sim.dbPath);
    injectMessage(w, { from: '+15550100001', text: 'live from carol' });
    w.close();
    const line = await sim.waitFor(isNotification('message'), { timeoutMs: 10_000 });
    expect((line.message.params as { message: Record<string, unknown> }).message).toMatchObject({ text: 'live from carol', sender_name: 'Carol Diaz' });
  });

  it('before 0.6.0 no names are resolved', async () => {
    const sim = await start('0.5.0');
    const { chats } = (await sim.call('chats.list', { limit: 10 })) as { chats: Record<string, unknown>[] };
    expect(chats.some((c) => 'contact_name' in c)).toBe(false);
    expect([...(await history(sim)).values()].some((m) => 'sender_name' in m)).toBe(false);
  });

  it('protocol v1 status says whether Contacts are available', async () => {
    expect(await (await start('0.14.0')).call('status')).toMatchObject({ contacts: { available: true } });
  });
});
