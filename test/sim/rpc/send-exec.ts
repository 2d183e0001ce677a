// Performs a validated send the way Messages records it: an outgoing row (and attachment row) in chat.db.
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { expandHome } from '../../../electron/core/fs/expand-home.js';
import { findChat } from '../db/chats-write.js';
import { injectMessage, openChatDb, type InjectOptions, type ServiceName } from '../db-writer.js';
import type { SimEnv } from '../sim-env.js';
import { AUTOMATION_DENIED_TEXT } from './bridge-errors.js';
import { internalError } from './errors.js';
import { handleFromIdentifier, looksLikeHandle } from './recipient.js';
import type { SendPlan } from './send-plan.js';

/** What the AppleScript path reports back: id/guid of the text row (attachment-only sends get none). */
export interface SendOutcome {
  readonly id?: number;
  readonly guid?: string;
}

/** Messages' AppleScript error for a chat it does not know. */
function unknownChat(target: string): Error {
  return internalError(`AppleScript failed: Messages got an error: Can’t get chat id "${target}".`);
}

/** Where the outgoing rows go: a direct handle or an existing chat. */
function writeTarget(db: Database.Database, plan: SendPlan): Pick<InjectOptions, 'from' | 'chatId'> {
  const t = plan.target;
  if (t.kind === 'direct') return { from: t.to };
  if (t.chatId !== undefined) return { chatId: t.chatId };
  if (t.identifier !== undefined && looksLikeHandle(t.identifier)) return { from: handleFromIdentifier(t.identifier) };
  const byGuid = t.guid !== undefined ? findChat(db, { guid: t.guid }) : undefined;
  if (byGuid) return { chatId: byGuid.id };
  if (t.identifier !== undefined) {
    const row = db.prepare('SELECT ROWID AS id FROM chat WHERE chat_identifier = ? OR guid = ?').get(t.identifier, t.identifier) as
      | { id: number }
      | undefined;
    if (row) return { chatId: row.id };
  }
  throw unknownChat(t.guid ?? t.identifier ?? '');
}

/** True for an existing regular file. */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Run the send: optional delay, automation check, then the text row and the file row. */
export async function executeSend(plan: SendPlan, dbPath: string, env: SimEnv): Promise<SendOutcome> {
  if (env.sendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, env.sendDelayMs));
  if (env.automationDenied) throw internalError(AUTOMATION_DENIED_TEXT);
  const file = plan.file !== '' ? expandHome(plan.file) : undefined;
  if (file !== undefined && !isFile(file)) throw internalError(`AppleScript failed: Attachment not found at ${file}`);
  const service: ServiceName = plan.service === 'sms' ? 'SMS' : 'iMessage';
  const db = openChatDb(dbPath);
  try {
    const target = writeTarget(db, plan);
    // Text first, then the file, as imsg's AppleScript does; only the text row is reported back.
    const sent = plan.text !== '' ? injectMessage(db, { ...target, service, fromMe: true, text: plan.text }) : undefined;
    if (file !== undefined) injectMessage(db, { ...target, service, fromMe: true, attachment: file });
    return sent ? { id: sent.id, guid: sent.guid } : {};
  } finally {
    db.close();
  }
}
