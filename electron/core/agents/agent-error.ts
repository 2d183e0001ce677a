// Typed agent failures: the orchestrator records them with the conversation, so messages are plain
// and never carry a secret.

/** What went wrong when an agent backend was asked for a reply. */
export type AgentErrorKind = 'timeout' | 'http' | 'network' | 'exit' | 'invalid-reply' | 'config';

/** Extra facts some kinds carry. */
export interface AgentErrorDetails {
  /** HTTP status (kind `http`). */
  readonly status?: number;
  /** Process exit code (kind `exit`). */
  readonly exitCode?: number;
  /** Last stderr lines of the process (kind `exit`, `timeout` of a command). */
  readonly stderrTail?: string;
  /** The server's `Retry-After`, in ms (kind `http`, 429 and 503). */
  readonly retryAfterMs?: number;
  /** The program could not be started (kind `config`): it may be installed or mounted later. */
  readonly startFailed?: boolean;
}

/** A failed agent call: which agent, which backend, what kind of failure, in plain words. */
export class AgentError extends Error {
  readonly agentId: string;
  readonly backend: string;
  readonly kind: AgentErrorKind;
  /** The message without the agent prefix. */
  readonly detail: string;
  readonly status?: number;
  readonly exitCode?: number;
  readonly stderrTail?: string;
  readonly retryAfterMs?: number;
  readonly startFailed?: boolean;

  constructor(input: { agentId: string; backend: string; kind: AgentErrorKind; message: string } & AgentErrorDetails) {
    super(`agent "${input.agentId}" (${input.backend}): ${input.message}`);
    this.name = 'AgentError';
    this.agentId = input.agentId;
    this.backend = input.backend;
    this.kind = input.kind;
    this.detail = input.message;
    if (input.status !== undefined) this.status = input.status;
    if (input.exitCode !== undefined) this.exitCode = input.exitCode;
    if (input.stderrTail !== undefined) this.stderrTail = input.stderrTail;
    if (input.retryAfterMs !== undefined) this.retryAfterMs = input.retryAfterMs;
    if (input.startFailed) this.startFailed = true;
  }
}

/** Builds errors for one agent and backend, so call sites only say the kind and what happened. */
export type AgentErrorFactory = (kind: AgentErrorKind, message: string, details?: AgentErrorDetails) => AgentError;

/** An {@link AgentErrorFactory} bound to `agentId` and `backend`. */
export function agentErrorFactory(agentId: string, backend: string): AgentErrorFactory {
  return (kind, message, details = {}) => new AgentError({ agentId, backend, kind, message, ...details });
}

/** `text` with every secret replaced by `***` and cut to `max` characters (texts from servers may echo keys). */
export function redact(text: string, secrets: readonly (string | undefined)[], max = 300): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('***');
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** A URL for messages: origin and path only, because query strings and userinfo may hold tokens. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
