// A dispatch: attachments → envelope/context (§13, §15) → agent → sanitize/prefix/chunk → send → echo cache.
// A transient failure (agent down, imsg restarting) makes the job wait; only a permanent one or
// the deadline makes it "not answered".
import { prepareReply } from '../delivery/prepare-reply.js';
import type { ImsgMessage } from '../imsg/message.js';
import { conversationPeer } from '../policy/route.js';
import type { AccountRuntime } from '../app/account-runtime.js';
import { preview } from '../app/activity-shape.js';
import { echoTarget } from '../app/echo-target.js';
import { askAgent } from './ask-agent.js';
import { isImsgDown } from './outbound.js';
import { resendUnsent } from './resend-check.js';
import type { PendingJob } from './pending-journal.js';
import { type AttemptOutcome, isWait, type JobBase, notAnswered, waitOrGiveUp } from './reply-outcome.js';
import { deadlineAt, replyTiming } from './reply-timing.js';

/** How long a dispatch send waits for a restarting imsg before the reply waits off the lane. */
const SEND_WAIT_MS = 10_000;

/**
 * Run one attempt at a journaled dispatch. Done and interrupted jobs are settled here (done:
 * out of the journal; interrupted: parked for the account's next start); a waiting job stays in
 * the journal and its caller holds it; a failed one stays as "not answered".
 */
export async function runDispatch(rt: AccountRuntime, job: PendingJob): Promise<AttemptOutcome> {
  let outcome: AttemptOutcome = 'done';
  try {
    outcome = await answer(rt, job);
  } finally {
    if (!isWait(outcome)) rt.replies.forgetHistory(job);
    if (outcome === 'done') {
      rt.deps.tracker.delete(job.id);
      rt.deps.intents.forget(job.id);
      await rt.deps.journal.remove(job.id);
    } else if (outcome === 'interrupted') {
      rt.deps.tracker.delete(job.id);
      await rt.deps.journal.park(job);
    }
    if (!isWait(outcome)) rt.deps.changed();
  }
  return outcome;
}

/** The activity fields every entry about `job` carries. */
export function jobBase(rt: AccountRuntime, job: PendingJob, agentId?: string | null): JobBase {
  const d = job.decision;
  const message = job.message as ImsgMessage;
  return { accountId: rt.account.accountId, messageId: typeof message.id === 'number' ? message.id : undefined, guid: typeof message.guid === 'string' ? message.guid : undefined, chatId: d.chatId, chatType: d.chatType, sender: d.senderId, sessionKey: d.sessionKey, agentId: agentId ?? d.agentId };
}

async function answer(rt: AccountRuntime, job: PendingJob): Promise<AttemptOutcome> {
  const { deps, account } = rt;
  const d = job.decision;
  const message = job.message as ImsgMessage;
  let base = jobBase(rt, job);
  const target = d.replyTarget;
  if (!target || !d.sessionKey) return notAnswered(rt, job, base, 'no reply target for this message (imessage: missing delivery target)');
  const config = deps.configStore.current;
  // A send was under way for this job when the last run (or this account) stopped: check the chat.
  const intent = deps.intents.get(job.id);
  if (intent) return resendUnsent(rt, job, intent, base, deadlineAt(job, replyTiming(config, d.agentId).deadlineMs));
  const peer = conversationPeer(d, message);
  const route = deps.agents().resolve({ accountId: account.accountId, peer });
  if (route.agentId === null) {
    // A binding to a missing agent names the binding: it is that conversation's error, not "no agent".
    const detail = route.reason === 'no agent configured' && !route.detail.includes('(binding ') ? 'add an agent under agents.list in the config to answer messages' : route.detail;
    return notAnswered(rt, job, base, `${route.reason}: ${detail}`);
  }
  const agentId = route.agentId;
  base = jobBase(rt, job, agentId);
  const timing = replyTiming(config, agentId);
  const deadline = deadlineAt(job, timing.deadlineMs);
  const asked = await askAgent(rt, job, { agentId, backend: route.backend, base, deadline, retryMaxMs: timing.retryMaxMs });
  if (typeof asked !== 'object' || !('text' in asked)) return asked;
  const { text: replyText, model, provider } = asked;
  if (replyText === null || replyText.trim() === '') {
    await deps.activity.append({ ...base, kind: 'reply', outcome: 'no-reply', detail: 'the agent chose not to reply' });
    return 'done';
  }
  const chunks = prepareReply(replyText, { account, agentName: route.agent.name, model, provider });
  if (chunks.length === 0) {
    await deps.activity.append({ ...base, kind: 'reply', outcome: 'no-reply', detail: 'the reply was empty after sanitizing; nothing sent' });
    return 'done';
  }
  const unrecorded = deps.intents.record(job.id, chunks, new Date(deps.now()).toISOString());
  if (unrecorded) await deps.activity.append({ ...base, kind: 'system', detail: unrecorded });
  deps.tracker.set(job.id, { accountId: account.accountId, stage: 'sending', agentId, deadlineAt: deadline });
  try {
    await rt.send(target, chunks, echoTarget(d), undefined, SEND_WAIT_MS);
    await deps.activity.append({ ...base, kind: 'reply', outcome: 'sent', replies: chunks, preview: preview(chunks.join(' ')), detail: `${chunks.length} message${chunks.length === 1 ? '' : 's'} sent to ${target}` });
  } catch (err) {
    if (rt.stopping) {
      await deps.activity.append({ ...base, kind: 'system', detail: `reply to ${target} interrupted by the shutdown (${(err as Error).message}); it is sent after the next start` });
      return 'interrupted';
    }
    // The texts are recorded: the retry checks the chat and sends only what is missing.
    if (isImsgDown(err)) return waitOrGiveUp(rt, job, base, { hold: 'imsg', until: deadline, cause: (err as Error).message, agentId, deadline });
    return notAnswered(rt, job, base, `reply not delivered to ${target}: ${(err as Error).message}`, { agentId });
  }
  return 'done';
}
