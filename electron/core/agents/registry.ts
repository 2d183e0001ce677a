// Which agent answers a conversation (bindings, else the default agent) and its backend.
import type { AppConfig } from '../config/schema.js';
import type { AgentRoute, ConversationBinding, Peer } from '../policy/route.js';
import { defaultAgentId, resolveAgentRoute } from '../policy/route.js';
import { agentUnavailable } from './agent-availability.js';
import { createAgentBackend } from './create-backend.js';
import type { AgentBackend, AgentDeps, AgentEntry } from './types.js';

/** The agent for a conversation, or the plain reason there is none (a state to show, not a crash). */
export type AgentResolution =
  | { agentId: string; backend: AgentBackend; agent: AgentEntry; matchedBy: AgentRoute['matchedBy']; binding?: ConversationBinding }
  | { agentId: null; reason: 'no agent configured' | 'ACP runtime not available'; detail: string };

/** One configured agent, for status views. */
export interface AgentSummary {
  agentId: string;
  name?: string;
  /** The backend type, `acp` for an ACP runtime, or `none` when the agent has no backend. */
  type: string;
  /** Why the agent cannot answer (e.g. "ACP runtime not available: …"); unset when it can be asked. */
  unavailable?: string;
  default: boolean;
}

/** The agents of one config; backends are created on first use and reused. */
export class AgentRegistry {
  readonly #backends = new Map<string, AgentBackend>();
  readonly #deps: AgentDeps;

  constructor(
    private readonly config: AppConfig,
    deps: Omit<AgentDeps, 'config'>,
  ) {
    this.#deps = { ...deps, config };
  }

  /** Route by `bindings[]` (peer, then account), else the agent marked `default`, else the first (§14). */
  resolve(input: { accountId: string; peer: Peer }): AgentResolution {
    const list = this.config.agents?.list ?? [];
    if (list.length === 0) return { agentId: null, reason: 'no agent configured', detail: 'agents.list is empty: add an agent with a backend' };
    const route = resolveAgentRoute(this.config, input.accountId, input.peer, this.#deps.chatBindings?.());
    const index = list.findIndex((a) => a.id.trim().toLowerCase() === route.agentId);
    const agent = list[index];
    const bound = route.binding ? ` (binding ${route.binding.id})` : '';
    if (!agent) return { agentId: null, reason: 'no agent configured', detail: `agent "${route.agentId}"${bound} is not in agents.list` };
    if (agent.runtime) {
      const problem = agent.runtime ? agentUnavailable(agent, this.#deps) : undefined;
      if (problem) return { agentId: null, reason: 'ACP runtime not available', detail: problem.detail };
    } else if (!agent.backend) return { agentId: null, reason: 'no agent configured', detail: `agents.list[${index}].backend is not set (agent "${route.agentId}")` };
    const backend = this.#backendFor(route.agentId, agent);
    // A bound conversation gets its own session of the agent (one ACP process per binding).
    if (route.binding) return { agentId: route.agentId, backend: backend.bind?.(route.binding) ?? backend, agent, matchedBy: route.matchedBy, binding: route.binding };
    return { agentId: route.agentId, backend, agent, matchedBy: route.matchedBy };
  }

  /** The backend of the agent `agentId` (e.g. for `doctor` checks), or undefined when it has none. */
  get(agentId: string): AgentBackend | undefined {
    const id = agentId.trim().toLowerCase();
    const agent = (this.config.agents?.list ?? []).find((a) => a.id.trim().toLowerCase() === id);
    return agent && !agentUnavailable(agent, this.#deps) ? this.#backendFor(id, agent) : undefined;
  }

  #backendFor(agentId: string, agent: AgentEntry): AgentBackend {
    let backend = this.#backends.get(agentId);
    if (!backend) {
      backend = createAgentBackend(agent, this.#deps);
      this.#backends.set(agentId, backend);
    }
    return backend;
  }

  /** Every configured agent, in config order, with its backend type and whether it is the default. */
  list(): AgentSummary[] {
    const list = this.config.agents?.list ?? [];
    const fallback = defaultAgentId(this.config);
    return list.map((agent) => {
      const agentId = agent.id.trim().toLowerCase();
      const problem = agent.runtime ? agentUnavailable(agent, this.#deps) : undefined;
      const type = agent.runtime ? agent.runtime.type : (agent.backend?.type ?? 'none');
      return { agentId, ...(agent.name !== undefined && { name: agent.name }), type, default: agentId === fallback, ...(problem && { unavailable: `${problem.reason}: ${problem.detail}` }) };
    });
  }
}
