// The contract between the orchestrator and an agent backend.
import type { AgentConfig, AppConfig } from '../config/schema.js';
import type { ConversationBinding } from '../policy/route.js';
import type { AcpRuntimeFactory } from './agent-availability.js';
import type { SecretStore } from '../secrets/secret-store.js';

/** One `agents.list[]` entry as validated by the config schema. */
export type AgentEntry = AgentConfig;

/** One inbound message for an agent to answer. */
export interface AgentRequest {
  agentId: string;
  accountId: string;
  sessionKey: string;
  /** BodyForAgent (§13). */
  text: string;
  /** The §13 inbound context the orchestrator built. */
  context: Record<string, unknown>;
  /** Aborting it cancels the call; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A backend's answer. */
export interface AgentReply {
  /** null = no reply. */
  text: string | null;
  model?: string;
  provider?: string;
  /** Problems met on the way that did not stop the reply (e.g. a corrupt transcript kept aside). */
  warnings?: string[];
}

/** Result of a `doctor` check of one backend. */
export interface BackendCheck {
  ok: boolean;
  detail: string;
}

/** One agent backend. */
export interface AgentBackend {
  readonly type: string;
  /** Text to send the user instead of silence when {@link AgentBackend.reply} fails (unset: stay silent). */
  readonly errorReply?: string;
  /** Answer one message; rejects with an AgentError when the backend fails. */
  reply(req: AgentRequest): Promise<AgentReply>;
  /** Forget the conversation of `sessionKey` (`/new`, `/reset`). */
  clearSession?(sessionKey: string): Promise<void>;
  /** Cheap reachability check for `doctor`; never rejects. */
  check?(): Promise<BackendCheck>;
  /** This backend scoped to one conversation binding (ACP: one process and session per binding). */
  bind?(binding: ConversationBinding): AgentBackend;
  /** Health probe for status (never rejects); undefined: this backend cannot be probed (unset: use `check`). */
  probe?(): Promise<BackendCheck | undefined>;
}

/** What backends need from the app. */
export interface AgentDeps {
  /** The state directory (transcripts live under `<stateDir>/transcripts`). */
  stateDir: string;
  /** Where `apiKeyEnv`, `secretEnv` and a command's `env` names are looked up. */
  env: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  /** Clock in ms (webhook timestamps, transcript times). */
  now?: () => number;
  /** The config, for transcript history limits (§15); unset: the default cap applies. */
  config?: AppConfig;
  /** Backends for `runtime: {type: "acp"}` agents; unset: such agents are "ACP runtime not available". */
  acpRuntime?: AcpRuntimeFactory;
  /** Conversation bindings made from the chat (`/acp spawn`); they route before `bindings[]`. */
  chatBindings?: () => readonly ConversationBinding[];
  /** Where `{secret: NAME}` references are looked up (unset: such a reference is a config error). */
  secrets?: SecretStore;
}

/** The JSON a webhook or command receives: the inbound context plus who and what to answer. */
export function buildEnvelope(req: AgentRequest): Record<string, unknown> {
  return { ...req.context, accountId: req.accountId, agentId: req.agentId, sessionKey: req.sessionKey, text: req.text };
}
