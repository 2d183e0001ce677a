// One readable line per activity entry for `serve`'s output.
import type { ActivityEntry } from '../../contract/views.js';
import { safeField } from '../../core/text/terminal-safe.js';

/** Format an activity entry as a log line a person can scan. */
export function activityLine(e: ActivityEntry): string {
  const time = e.at.slice(11, 19);
  const who = e.sender ? ` ${e.sender}` : '';
  const where = e.chatType === 'group' && e.chatId ? ` in chat ${e.chatId}` : '';
  // The Messages copy of our own reply is not a refused message: said so, without the drop reason.
  const verdict = e.ownReplyCopy ? ' copy of our reply' : e.decision && e.decision !== e.kind ? ` ${e.decision}` : e.outcome ? ` ${e.outcome}` : '';
  const reason = e.reason && !e.ownReplyCopy ? ` (${e.reason})` : '';
  const text = e.preview ? ` "${e.preview}"` : '';
  const detail = e.detail ? ` — ${e.detail}` : '';
  // Sender, text and detail are untrusted: one entry is one line, with no terminal control in it.
  return safeField(`${time} [${e.accountId}] ${e.kind}${verdict}${reason}${who}${where}${text}${detail}`);
}
