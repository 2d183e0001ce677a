// The reply side of the snapshot: each agent with its measured health and waiting replies, and
// the one line the header shows while replies wait ("2 replies waiting: agent main cannot …").
import type { AgentHealthBook } from '../agents/agent-health.js';
import type { AgentSummary } from '../agents/registry.js';
import type { ReplyTracker } from '../replies/reply-tracker.js';
import type { Snapshot } from '../../contract/views.js';

/** The reply counts the overall state is computed from. */
export interface RepliesInput {
  readonly waiting: number;
  readonly notAnswered: number;
  /** Why the first waiting reply waits, for the header. */
  readonly waitingText?: string;
}

/** `agents.list` of the snapshot: each agent with its health (an unavailable agent says why). */
export function agentViews(list: readonly AgentSummary[], book: AgentHealthBook, tracker: ReplyTracker): Snapshot['agents']['list'] {
  return list.map((a) => {
    const waiting = tracker.waiting(a.agentId);
    const unavailable = (a as { unavailable?: string }).unavailable;
    return { ...a, health: unavailable ? { state: 'unavailable' as const, cause: unavailable, waiting } : book.view(a.agentId, waiting) };
  });
}

/** "agent main cannot reach …" or "imsg for account default is …": why the first waiting reply waits. */
export function waitingText(tracker: ReplyTracker): string | undefined {
  const waiting = tracker.waitingEntries().map(([, r]) => r);
  const head = waiting.find((r) => r.on === 'agent' || r.on === 'imsg') ?? waiting[0];
  if (!head) return undefined;
  if (head.on === 'agent' && head.agentId) return `agent ${head.agentId} ${head.cause ?? 'is failing'}`;
  return head.cause;
}

/** The overall state while replies wait or were not answered, or an agent fails; undefined when none of that. */
export function repliesOverall(replies: RepliesInput | undefined, agents: Snapshot['agents']['list']): Snapshot['overall'] | undefined {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (replies && replies.waiting > 0) return { level: 'warning', text: `${plural(replies.waiting, 'reply', 'replies')} waiting${replies.waitingText ? `: ${replies.waitingText}` : ''}` };
  if (replies && replies.notAnswered > 0) return { level: 'error', text: `${plural(replies.notAnswered, 'message', 'messages')} not answered: retry or dismiss (imsg-companion replies list)` };
  const failing = agents.find((a) => a.health && (a.health.state === 'failing' || a.health.state === 'unavailable'));
  if (failing?.health) return { level: 'warning', text: `agent ${failing.agentId}: ${failing.health.cause ?? failing.health.state}` };
  return undefined;
}
