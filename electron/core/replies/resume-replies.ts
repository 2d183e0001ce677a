// After a crash: the replies the journal still holds are queued again (or dropped, with the
// reason, when their account no longer runs).
import type { AccountRuntime } from '../app/account-runtime.js';
import type { ActivityLog } from '../app/activity-log.js';
import type { PendingJournal } from './pending-journal.js';

/** Queue every job left in `journal` on its account's runtime; each outcome is logged. */
export async function resumeReplies(journal: PendingJournal, activity: ActivityLog, runtime: (accountId: string) => AccountRuntime | undefined): Promise<void> {
  const { jobs, problem } = await journal.load();
  if (problem) await activity.append({ accountId: '-', kind: 'system', detail: `pending replies file was unreadable: ${problem}` });
  for (const job of jobs) {
    // Not answered: kept as it is until the owner retries or dismisses it.
    if (job.failed) continue;
    if (runtime(job.accountId)?.enqueueDispatch(job)) {
      await activity.append({ accountId: job.accountId, kind: 'system', guid: typeof job.message.guid === 'string' ? job.message.guid : undefined, detail: 'resuming a reply interrupted by the last shutdown' });
      continue;
    }
    await journal.remove(job.id);
    await activity.append({ accountId: job.accountId, kind: 'system', detail: `an interrupted reply was not resumed: account ${job.accountId} is not running` });
  }
}
