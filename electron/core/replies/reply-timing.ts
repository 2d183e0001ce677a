// How long a reply may wait for a failing agent or imsg, and how long between tries, from the
// config: `agents.list[].replyDeadlineMinutes` over `agents.defaults.replyDeadlineMinutes` over 30.
import { MAX_RETRY_MS } from '../agents/agent-health.js';
import type { AppConfig } from '../config/schema.js';
import type { PendingJob } from './pending-journal-types.js';

/** Minutes a reply may wait when the config says nothing. */
export const DEFAULT_DEADLINE_MINUTES = 30;

/** The effective timing for replies of `agentId`. */
export interface ReplyTiming {
  readonly deadlineMs: number;
  readonly retryMaxMs: number;
}

/** The timing of `agentId`'s replies (the defaults when the agent is unknown). */
export function replyTiming(config: AppConfig, agentId: string | null | undefined): ReplyTiming {
  const agents = config.agents;
  const id = agentId?.trim().toLowerCase();
  const agent = id ? agents?.list?.find((a) => a.id.trim().toLowerCase() === id) : undefined;
  const minutes = agent?.replyDeadlineMinutes ?? agents?.defaults?.replyDeadlineMinutes ?? DEFAULT_DEADLINE_MINUTES;
  const maxSeconds = agent?.replyRetryMaxSeconds ?? agents?.defaults?.replyRetryMaxSeconds;
  return { deadlineMs: Math.round(minutes * 60_000), retryMaxMs: maxSeconds === undefined ? MAX_RETRY_MS : Math.round(maxSeconds * 1000) };
}

/** When `job` stops waiting (ms): its deadline counts from the owner's retry, else from its arrival. */
export function deadlineAt(job: PendingJob, deadlineMs: number): number {
  const from = Date.parse(job.retriedAt ?? job.acceptedAt);
  return (Number.isNaN(from) ? Date.now() : from) + deadlineMs;
}
