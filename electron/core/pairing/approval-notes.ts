// Approval notes owed ("You're approved — send a message to start."). Whoever approves (the CLI
// while the app is stopped, the tray, a notification) records the note with the approval, under
// the pairing lock, in a file of its own; the app sends it once the account runs and only then
// settles it. So an approval is never left unannounced because the app was not running or imsg
// was down at that moment. The OpenClaw-compatible pairing files keep their exact shape.
import { join } from 'node:path';
import { z } from 'zod';
import { PairingStoreError, readJson, writeJson } from './files.js';
import { timestamp } from './schema.js';

/** One note the app still owes an approved sender. */
export interface ApprovalNote {
  accountId: string;
  /** Normalized sender (the approved id). */
  id: string;
  /** Where to write: the sender as they wrote, and their chat when known. */
  sender: string;
  chatId?: string;
  approvedAt: string;
  /** Set while a send is under way; found set at start, the app stopped mid-send (it may have gone out). */
  sendingSince?: string;
}

const notesSchema = z.object({
  version: z.literal(1),
  notes: z.array(z.object({ accountId: z.string().min(1), id: z.string().min(1), sender: z.string().min(1), chatId: z.string().optional(), approvedAt: timestamp, sendingSince: timestamp.optional() }).strict()),
});

/** `<credentials>/imessage-pairing-notes.json`. */
export function notesFile(credentialsDir: string): string {
  return join(credentialsDir, 'imessage-pairing-notes.json');
}

/** The owed notes in `file`, oldest first (none when it does not exist); a corrupt file throws, untouched. */
export async function readApprovalNotes(file: string): Promise<ApprovalNote[]> {
  return (await readJson(file, notesSchema))?.notes ?? [];
}

/**
 * Under the lock: owe `note` (replacing an older one for the same sender). A corrupt notes file is
 * left as it is and the note is not recorded: the approval itself must not fail over a courtesy
 * text (status names the broken file).
 */
export async function oweApprovalNote(file: string, note: ApprovalNote): Promise<void> {
  let notes: ApprovalNote[];
  try {
    notes = await readApprovalNotes(file);
  } catch (err) {
    if (err instanceof PairingStoreError) return;
    throw err;
  }
  await writeJson(file, { version: 1, notes: [...notes.filter((n) => !(n.accountId === note.accountId && n.id === note.id)), note] });
}

/** Under the lock: replace the note of `accountId`/`id` with `change(note)`, or drop it when that is undefined. */
export async function changeApprovalNote(file: string, accountId: string, id: string, change: (note: ApprovalNote) => ApprovalNote | undefined): Promise<void> {
  const notes = await readApprovalNotes(file);
  const index = notes.findIndex((n) => n.accountId === accountId && n.id === id);
  const found = notes[index];
  if (!found) return;
  const next = change(found);
  if (next) notes[index] = next;
  else notes.splice(index, 1);
  await writeJson(file, { version: 1, notes });
}
