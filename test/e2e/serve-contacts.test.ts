// End to end: imsg's Contacts names (sender_name, imsg ≥ 0.6.0) reach the pairing request serve
// shows (status, the tray's card), and `imsg-companion pairing list` prints them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until, World } from './serve-harness.js';

const CAROL = '+15551230007';
const STRANGER = '+15551230008';

let world: World;

beforeAll(async () => {
  world = await World.create({ dmPolicy: 'pairing' });
  const contacts = join(world.dir, 'contacts.json');
  await writeFile(contacts, JSON.stringify({ [CAROL]: 'Carol Diaz' }));
  await world.serve({ IMSG_SIM_CONTACTS: contacts });
}, 60_000);

afterAll(async () => {
  await world?.dispose();
});

describe('contact names from imsg', () => {
  it("a contact's pairing request carries their name; an unknown sender's has none", async () => {
    world.inject({ from: CAROL, text: 'hi, Anna gave me this number' });
    world.inject({ from: STRANGER, text: 'hello?' });
    const pending = await until(async () => {
      const list = (await world.snapshot())?.pairing.pending ?? [];
      return list.length === 2 ? list : undefined;
    }, 'two pairing requests', 20_000, 100);
    expect(pending.find((r) => r.id === CAROL)).toMatchObject({ contactName: 'Carol Diaz', firstText: 'hi, Anna gave me this number' });
    expect(pending.find((r) => r.id === STRANGER)?.contactName).toBeUndefined();
    const list = await world.cli(['pairing', 'list']);
    expect(list.stdout).toMatch(new RegExp(`^[A-Z0-9]{8}  \\${CAROL} \\(Carol Diaz\\) +default`, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^[A-Z0-9]{8}  \\${STRANGER} +default`, 'm'));
  });
});
