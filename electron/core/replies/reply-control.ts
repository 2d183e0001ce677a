// The owner's hand on replies: list messages with their reply state, Retry one that was not
// answered (its deadline starts over), or dismiss it.
import type { MessageFilter, MessageView } from '../../contract/views.js';
import type { AccountRuntime } from '../app/account-runtime.js';
import type { ActivityLog } from '../app/activity-log.js';
import { buildMessageViews } from './message-views.js';
import type { PendingJournal } from './pending-journal.js';
import { jobRef } from './reply-outcome.js';
import type { ReplyTracker } from './reply-tracker.js';
import type { SendIntents } from './send-intents.js';

/** What the reply verbs work on. */
export interface ReplyControlDeps {
  readonly journal: PendingJournal;
  readonly activity: ActivityLog;
  readonly tracker: ReplyTracker;
  readonly intents: SendIntents;
  readonly runtime: (accountId: string) => AccountRuntime | undefined;
  readonly now: () => number;
  readonly changed: () => void;
}

/** Why a reply verb could not act (mapped to a transport error code by the caller). */
export class ReplyControlError extends Error {
  constructor(
    readonly code: 'not-found' | 'unavailable' | 'invalid-input',
    message: string,
  ) {
    super(message);
  }
}

/** The message rows, newest first. */
export function listMessages(deps: ReplyControlDeps, filter: MessageFilter = {}): MessageView[] {
  return buildMessageViews({ entries: deps.activity.list({ limit: 100_000 }).reverse(), jobs: deps.journal.jobs(), live: (id) => deps.tracker.get(id) }, filter);
}

/** The row of job `id` (after a change). */
export function messageById(deps: ReplyControlDeps, id: string): MessageView | undefined {
  return listMessages(deps, { limit: 1000 }).find((m) => m.id === id);
}

/** Ask again for a not answered message; resolves once it is queued. */
export async function retryReply(deps: ReplyControlDeps, id: string): Promise<MessageView> {
  const job = deps.journal.get(id);
  if (!job) throw new ReplyControlError('not-found', `no reply ${id} is kept (answered, dismissed, or never accepted): see imsg-companion replies list`);
  if (!job.failed) throw new ReplyControlError('invalid-input', `reply ${id} is still in progress (it was not given up); nothing to retry`);
  const rt = deps.runtime(job.accountId);
  if (!rt || rt.stopping) throw new ReplyControlError('unavailable', `account ${job.accountId} is not running (disabled, paused or stopping); start it, then retry`);
  const { failed: _failed, ...rest } = job;
  const next = { ...rest, retriedAt: new Date(deps.now()).toISOString() };
  await deps.journal.update(next);
  if (!rt.enqueueDispatch(next)) {
    await deps.journal.update(job);
    throw new ReplyControlError('unavailable', 'the reply queue is full; try again in a moment');
  }
  await deps.activity.append({ accountId: job.accountId, ...jobRef(job), kind: 'reply', outcome: 'retrying', detail: `retry asked by the owner (was not answered: ${job.failed.cause})` });
  deps.changed();
  return messageById(deps, id) ?? { id, accountId: job.accountId, at: job.acceptedAt, sender: job.decision.senderId, text: job.decision.bodyText, status: 'received', replies: [] };
}

/** Forget a not answered message. */
export async function dismissReply(deps: ReplyControlDeps, id: string): Promise<boolean> {
  const job = deps.journal.get(id);
  if (!job) throw new ReplyControlError('not-found', `no reply ${id} is kept (answered, dismissed, or never accepted): see imsg-companion replies list`);
  if (!job.failed) throw new ReplyControlError('invalid-input', `reply ${id} is still in progress; only a message that was not answered can be dismissed`);
  await deps.journal.remove(id);
  deps.intents.forget(id);
  await deps.activity.append({ accountId: job.accountId, ...jobRef(job), kind: 'reply', outcome: 'dismissed', detail: 'dismissed by the owner' });
  deps.changed();
  return true;
}

/** Messages not answered now. */
export function notAnsweredCount(journal: PendingJournal): number {
  let n = 0;
  for (const job of journal.jobs()) if (job.failed) n++;
  return n;
}
