// How a reply attempt ends when it does not end sent: it waits (with the activity line that says
// why, once per cause), or it is "not answered" (kept in the journal for Retry/dismiss, the
// agent's errorReply sent once).
import type { AccountRuntime } from '../app/account-runtime.js';
import type { ActivityInput } from '../app/activity-log.js';
import { echoTarget } from '../app/echo-target.js';
import type { PendingJob } from './pending-journal-types.js';
import type { HoldOn } from './reply-holds.js';

/** The reply must wait: retry the job at `until` (ms), or earlier when woken. */
export interface ReplyWait {
  readonly hold: HoldOn;
  readonly until: number;
  readonly cause: string;
  readonly agentId?: string;
}

/** How one attempt at a job ended. */
export type AttemptOutcome = 'done' | 'failed' | 'interrupted' | ReplyWait;

/** True when the attempt must wait. */
export const isWait = (o: AttemptOutcome): o is ReplyWait => typeof o === 'object';

/** Activity fields shared by a job's entries. */
export type JobBase = Omit<ActivityInput, 'kind'>;

/** The fields that link an activity entry to the inbound message of `job`. */
export function jobRef(job: PendingJob): { messageId?: number; guid?: string } {
  const { id, guid } = job.message;
  return { ...(typeof id === 'number' && { messageId: id }), ...(typeof guid === 'string' && guid !== '' && { guid }) };
}

/** A reply waiting for imsg looks again this often even without a wake-up. */
const IMSG_RECHECK_MS = 15_000;

/** Not answered jobs kept for Retry before the oldest is dismissed on its own. */
const KEEP_NOT_ANSWERED = 200;

/**
 * Wait until `until` (capped by `deadline`) for `on`, or — past the deadline — give up as not
 * answered with `cause`. The waiting line is logged when the job starts waiting or its cause changes.
 */
export async function waitOrGiveUp(rt: AccountRuntime, job: PendingJob, base: JobBase, w: ReplyWait & { deadline: number; errorReply?: string }): Promise<AttemptOutcome> {
  const { deps } = rt;
  if (deps.now() >= w.deadline) return notAnswered(rt, job, base, w.cause, { agentId: w.agentId, errorReply: w.errorReply });
  // imsg coming back wakes the reply; a look now and then covers a return just before it waited.
  const until = Math.min(w.until, w.deadline, w.hold === 'imsg' ? deps.now() + IMSG_RECHECK_MS : Infinity);
  const before = deps.tracker.get(job.id);
  // Counted against the agent only when the agent is what it waits for.
  deps.tracker.set(job.id, { accountId: job.accountId, stage: 'waiting', ...(w.hold === 'agent' && { agentId: w.agentId }), cause: w.cause, on: w.hold, nextRetryAt: until, deadlineAt: w.deadline });
  if (before?.stage !== 'waiting' || before.cause !== w.cause) {
    const what = w.hold === 'agent' ? `agent ${w.agentId ?? ''}`.trim() : 'imsg';
    await deps.activity.append({
      ...base,
      kind: 'reply',
      outcome: 'waiting',
      cause: w.cause,
      nextRetryAt: new Date(until).toISOString(),
      deadlineAt: new Date(w.deadline).toISOString(),
      detail: `waiting for ${what}: ${w.cause}; next try ${new Date(until).toISOString()}, not answered after ${new Date(w.deadline).toISOString()}`,
    });
  }
  deps.changed();
  return { hold: w.hold, until, cause: w.cause, agentId: w.agentId };
}

/** Record `job` as not answered because of `cause`; the agent's errorReply goes out once. */
export async function notAnswered(rt: AccountRuntime, job: PendingJob, base: JobBase, cause: string, opts: { agentId?: string; errorReply?: string } = {}): Promise<'failed'> {
  const { deps } = rt;
  deps.tracker.delete(job.id);
  const target = job.decision.replyTarget;
  let errorReplySent = job.errorReplySent === true;
  let note = '';
  if (!errorReplySent && target && typeof opts.errorReply === 'string' && opts.errorReply.trim() !== '') {
    try {
      await rt.send(target, [opts.errorReply], echoTarget(job.decision));
      errorReplySent = true;
      note = '; the errorReply was sent';
    } catch (err) {
      note = `; the errorReply could not be sent either (${(err as Error).message})`;
    }
  }
  const failed = { at: new Date(deps.now()).toISOString(), cause, ...(opts.agentId && { agentId: opts.agentId }) };
  await deps.journal.update({ ...job, failed, ...(errorReplySent && { errorReplySent }) });
  await deps.activity.append({ ...base, kind: 'agent-error', outcome: 'not-answered', cause, detail: `not answered: ${cause}${note} (retry: imsg-companion replies retry ${job.id})` });
  await trimNotAnswered(rt);
  deps.changed();
  return 'failed';
}

/** Keep at most {@link KEEP_NOT_ANSWERED} not answered jobs: the oldest are dismissed, with a line. */
async function trimNotAnswered(rt: AccountRuntime): Promise<void> {
  const failed = rt.deps.journal.jobs().filter((j) => j.failed);
  for (const job of failed.slice(0, Math.max(0, failed.length - KEEP_NOT_ANSWERED))) {
    await rt.deps.journal.remove(job.id);
    rt.deps.intents.forget(job.id);
    await rt.deps.activity.append({ accountId: job.accountId, kind: 'reply', outcome: 'dismissed', ...jobRef(job), detail: `dismissed: more than ${KEEP_NOT_ANSWERED} messages were not answered` });
  }
}
