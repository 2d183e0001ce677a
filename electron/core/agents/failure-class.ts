// Transient or permanent: a failed agent call either waits (the agent may come back: a model
// still loading, a restarting server, a rate limit) or fails at once (the same call would fail
// again until the owner changes something: a rejected key, a bad config, a broken answer).
import { AgentError } from './agent-error.js';

/** How a failed agent call is handled. */
export interface AgentFailure {
  /** Worth trying again later. */
  readonly transient: boolean;
  /** What went wrong, in plain words (no secrets). */
  readonly cause: string;
  /** The server asked to wait this long (`Retry-After`). */
  readonly retryAfterMs?: number;
}

/** Statuses that say "not now" rather than "never": request timeout, rate limit. */
const TRANSIENT_4XX = new Set([408, 425, 429]);

/** Classify an error thrown by {@link AgentBackend.reply}. */
export function classifyAgentFailure(err: unknown): AgentFailure {
  if (!(err instanceof AgentError)) return { transient: false, cause: err instanceof Error ? err.message : String(err) };
  const cause = err.detail;
  switch (err.kind) {
    // A script that crashed or was killed (`exit`) may well work next time (its own network, a
    // lock); waiting shows the owner the cause, where failing would lose the message.
    case 'network':
    case 'timeout':
    case 'exit':
      return { transient: true, cause };
    case 'http': {
      const status = err.status ?? 0;
      const transient = status >= 500 || TRANSIENT_4XX.has(status);
      return { transient, cause, ...(transient && err.retryAfterMs !== undefined && { retryAfterMs: err.retryAfterMs }) };
    }
    case 'config':
      return { transient: err.startFailed === true, cause };
    case 'invalid-reply':
      return { transient: false, cause };
  }
}
