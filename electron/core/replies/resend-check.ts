// A reply whose send may have happened before a crash (or a stop): the chat's history says which
// of its texts went out, and only the rest is sent — the recorded texts, not a new agent answer.
import type { ImsgMessage } from '../imsg/message.js';
import { echoScope } from '../policy/echo-cache.js';
import type { AccountRuntime } from '../app/account-runtime.js';
import { echoTarget } from '../app/echo-target.js';
import { isImsgDown, recentOutgoing, waitUntilRunning } from './outbound.js';
import type { PendingJob } from './pending-journal.js';
import { type AttemptOutcome, type JobBase, notAnswered, waitOrGiveUp } from './reply-outcome.js';
import type { SendIntent } from './send-intents.js';

/** The texts of `intent` not among `shown` (each shown row accounts for one text). */
export function unsentTexts(texts: readonly string[], shown: readonly string[]): string[] {
  const left = [...shown];
  return texts.filter((t) => {
    const i = left.indexOf(t);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * Send what of `intent` the chat does not show yet; 'interrupted' when a stop cut the send. While
 * imsg is down the job waits for it (until `deadline`, ms; without one the failure is final).
 */
export async function resendUnsent(rt: AccountRuntime, job: PendingJob, intent: SendIntent, base: JobBase, deadline?: number): Promise<AttemptOutcome> {
  const { deps } = rt;
  const d = job.decision;
  const target = d.replyTarget ?? d.senderId;
  const chatId = d.chatId ?? (job.message as ImsgMessage).chat_id;
  let missing: string[] = [...intent.texts];
  let unchecked: string | undefined;
  try {
    if (chatId === undefined) throw new Error('the message has no chat_id');
    // Resumed replies run as the account starts: its imsg may not be up yet.
    await waitUntilRunning(rt.supervisor, deadline === undefined ? 30_000 : 10_000);
    const rows = await recentOutgoing(rt.supervisor, chatId, Date.parse(intent.at), 50);
    missing = unsentTexts(intent.texts, rows.map((m) => String(m.text ?? '')));
    // The watch replays their is_from_me copies too: known as ours, they are not counted as a loop.
    const scope = echoScope(rt.account.accountId, echoTarget(d));
    for (const row of rows.filter((m) => intent.texts.includes(String(m.text ?? '')))) {
      rt.caches.echo.remember(scope, { text: String(row.text), messageId: String(row.guid ?? row.id ?? '') || undefined }, deps.now());
    }
  } catch (err) {
    // imsg is not there to ask: wait for it (the check then runs again) rather than guess.
    if (deadline !== undefined && isImsgDown(err) && !rt.stopping) return waitOrGiveUp(rt, job, base, { hold: 'imsg', until: deadline, cause: (err as Error).message, deadline });
    // Unknown is resent: a reply twice is better than none.
    unchecked = (err as Error).message;
  }
  const total = intent.texts.length;
  if (missing.length === 0) {
    await deps.activity.append({ ...base, kind: 'reply', outcome: 'sent', replies: [...intent.texts], detail: `the reply had gone out before the restart (${total} message${total === 1 ? '' : 's'} in the chat); not sent again` });
    return 'done';
  }
  try {
    await rt.send(target, missing, echoTarget(d));
  } catch (err) {
    if (rt.stopping) return 'interrupted';
    if (deadline !== undefined && isImsgDown(err)) return waitOrGiveUp(rt, job, base, { hold: 'imsg', until: deadline, cause: (err as Error).message, deadline });
    return notAnswered(rt, job, base, `reply not delivered to ${target}: ${(err as Error).message}`);
  }
  const why = unchecked ? `the chat history could not be checked (${unchecked})` : `${total - missing.length} of ${total} had gone out before the restart`;
  await deps.activity.append({ ...base, kind: 'reply', outcome: 'sent', replies: [...intent.texts], detail: `${missing.length} message${missing.length === 1 ? '' : 's'} sent to ${target} after the restart; ${why}` });
  return 'done';
}
