// One backend instance per configured agent.
import { AgentError } from './agent-error.js';
import { ACP_RUNTIME_NOT_AVAILABLE } from './agent-availability.js';
import { CommandBackend } from './command-backend.js';
import { EchoBackend } from './echo-backend.js';
import { OpenAiBackend } from './openai-backend.js';
import type { AgentBackend, AgentDeps, AgentEntry } from './types.js';
import { WebhookBackend } from './webhook-backend.js';

/** The backend of `agent`; an agent without `backend` is a `config` AgentError (the registry reports it). */
export function createAgentBackend(agent: AgentEntry, deps: AgentDeps): AgentBackend {
  const agentId = agent.id.trim().toLowerCase();
  if (agent.runtime?.type === 'acp') {
    if (deps.acpRuntime) return deps.acpRuntime(agentId, agent, deps);
    throw new AgentError({ agentId, backend: 'acp', kind: 'config', message: ACP_RUNTIME_NOT_AVAILABLE });
  }
  const backend = agent.backend;
  if (!backend) throw new AgentError({ agentId, backend: 'none', kind: 'config', message: 'no backend is configured (set backend.type)' });
  switch (backend.type) {
    case 'openai':
      return new OpenAiBackend(agentId, backend, deps);
    case 'webhook':
      return new WebhookBackend(agentId, backend, deps);
    case 'command':
      return new CommandBackend(agentId, backend, deps);
    case 'echo':
      return new EchoBackend(backend);
  }
}
