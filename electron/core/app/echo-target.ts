// The echo-cache scope of the conversation a decision answers (shared by every reply path).
import type { PendingJob } from '../replies/pending-journal.js';

/** Echo-cache scope of the conversation a decision answers. */
export function echoTarget(d: PendingJob['decision']): { isGroup: boolean; chatId?: number; sender: string } {
  return { isGroup: d.chatType === 'group', chatId: d.chatId, sender: d.senderId };
}
