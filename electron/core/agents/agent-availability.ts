// Whether an agent can answer at all: an ACP-runtime agent needs the ACP runtime wired in, and
// says so plainly ("ACP runtime not available") instead of falling back to another agent.
import type { AgentBackend, AgentDeps, AgentEntry } from './types.js';

/** Builds the backend of an agent with `runtime: {type: "acp"}`; supplied by the ACP runtime when wired in. */
export type AcpRuntimeFactory = (agentId: string, agent: AgentEntry, deps: AgentDeps) => AgentBackend;

/** The reason string of an ACP agent that cannot run in this build or app. */
export const ACP_RUNTIME_NOT_AVAILABLE = 'ACP runtime not available';

/** Why `agent` cannot answer (`{reason, detail}`), or undefined when it can be asked. */
export function agentUnavailable(agent: AgentEntry, deps: { readonly acpRuntime?: AcpRuntimeFactory }): { reason: string; detail: string } | undefined {
  const id = agent.id.trim().toLowerCase();
  if (agent.runtime?.type === 'acp') {
    if (deps.acpRuntime) return undefined;
    return { reason: ACP_RUNTIME_NOT_AVAILABLE, detail: `agent "${id}" uses runtime.type "acp" (ACP agent "${agent.runtime.acp.agent}"), but no ACP runtime is wired into this app` };
  }
  if (!agent.backend) return { reason: 'no agent configured', detail: `agent "${id}" has no backend (set backend.type or runtime)` };
  return undefined;
}
