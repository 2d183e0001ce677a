// Asking the agent for one reply: not before a failing agent's retry time (one trial call at a
// time), with the group history and attachments (§13, §15); a transient failure waits, a
// permanent one makes the message "not answered".
import { resolveInboundAttachments } from '../attachments/index.js';
import { classifyAgentFailure } from '../agents/failure-class.js';
import type { AgentBackend, AgentReply } from '../agents/types.js';
import type { AccountRuntime } from '../app/account-runtime.js';
import { buildInboundContext } from '../delivery/context.js';
import type { ImsgMessage } from '../imsg/message.js';
import type { PendingJob } from './pending-journal-types.js';
import { type AttemptOutcome, type JobBase, notAnswered, waitOrGiveUp } from './reply-outcome.js';

/** Who answers `job` and until when it may wait. */
export interface AskInput {
  readonly agentId: string;
  readonly backend: AgentBackend;
  readonly base: JobBase;
  /** When the job stops waiting (ms). */
  readonly deadline: number;
  readonly retryMaxMs: number;
}

/** The agent's reply, or how this attempt ends instead (waiting, not answered, interrupted). */
export async function askAgent(rt: AccountRuntime, job: PendingJob, input: AskInput): Promise<AgentReply | AttemptOutcome> {
  const { deps, account } = rt;
  const { agentId, backend, base, deadline } = input;
  const d = job.decision;
  const message = job.message as ImsgMessage;
  const errorReply = backend.errorReply;
  const wait = (w: { until: number; cause: string }) => waitOrGiveUp(rt, job, base, { hold: 'agent', until: w.until, cause: w.cause, agentId, deadline, errorReply });
  // A failing agent is not called again before its retry time.
  const gate = deps.health.peek(agentId);
  if (gate) return wait(gate);
  const history = rt.replies.takeHistory(job);
  const media = account.includeAttachments ? await resolveInboundAttachments(message, { account, remoteHost: rt.remoteHost, stateDir: deps.stateDir, sessionKey: d.sessionKey ?? '' }) : undefined;
  if (media && media.dropped.length > 0) {
    await deps.activity.append({ ...base, kind: 'system', detail: `attachments dropped: ${media.dropped.map((x) => `${x.originalPath} (${x.reason})`).join('; ')}` });
  }
  // Remote attachments were copied here by scp, so every media path in the context is local.
  const context = { ...buildInboundContext({ accountId: account.accountId, message, decision: d, history, media: media?.valid.map((m) => ({ path: m.path, mimeType: m.mimeType })) }) };
  // A retry whose turn came while the account began stopping is not started: the next start asks.
  if (rt.stopping && rt.replies.retrying(job)) return 'interrupted';
  // Taken last: this call may be the one trial a failing agent gets, and must then report back.
  const trial = deps.health.admit(agentId);
  if (trial) return wait(trial);
  deps.tracker.set(job.id, { accountId: account.accountId, stage: 'asking', agentId, deadlineAt: deadline });
  try {
    const reply = await backend.reply({ agentId, accountId: account.accountId, sessionKey: d.sessionKey ?? '', text: String(context.BodyForAgent ?? d.bodyText), context });
    deps.health.succeeded(agentId);
    for (const warning of reply.warnings ?? []) await deps.activity.append({ ...base, kind: 'system', detail: warning });
    return reply;
  } catch (err) {
    const failure = classifyAgentFailure(err);
    const next = deps.health.failed(agentId, failure, input.retryMaxMs);
    if (!failure.transient) return notAnswered(rt, job, base, failure.cause, { agentId, errorReply });
    // A stop while the agent was down: the next start asks again (nothing is lost).
    if (rt.stopping) return 'interrupted';
    return wait({ until: next ?? deps.now(), cause: failure.cause });
  }
}
