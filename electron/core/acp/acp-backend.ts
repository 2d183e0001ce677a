// The ACP runtime as an agent backend (the registry's `acpRuntime` factory): an unbound
// conversation gets a session per session key; `bind()` scopes it to one conversation binding.
import type { AgentBackend, AgentEntry, AgentReply, AgentRequest, BackendCheck } from '../agents/types.js';
import type { ConversationBinding } from '../policy/route.js';
import type { AcpRuntimeFactory } from '../agents/agent-availability.js';
import { resolveProgram } from '../agents/command-env.js';
import { agentArgv, agentEnv, type AcpOptions, KNOWN_ACP_AGENTS } from './agent-command.js';

/** What the backend needs from the manager. */
export interface AcpSessions {
  reply(key: string, agentId: string, opts: AcpOptions, binding: ConversationBinding | undefined, req: AgentRequest): Promise<AgentReply>;
  reset(key: string): Promise<string | undefined>;
}

/** The session key of a conversation answered by an ACP agent without a binding. */
export const unboundKey = (sessionKey: string): string => `session:${sessionKey}`;

/** An agent with `runtime: {type: "acp"}`. */
export class AcpBackend implements AgentBackend {
  readonly type = 'acp';
  readonly #opts: AcpOptions;

  constructor(
    private readonly agentId: string,
    private readonly agent: AgentEntry,
    private readonly sessions: AcpSessions,
    private readonly binding?: ConversationBinding,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.#opts = (agent.runtime as NonNullable<AgentEntry['runtime']>).acp;
  }

  /** Prompt the conversation's ACP session. */
  reply(req: AgentRequest): Promise<AgentReply> {
    return this.sessions.reply(this.#key(req.sessionKey), this.agentId, this.#opts, this.binding, req);
  }

  /** `/new`, `/reset`: a fresh ACP session in place. */
  async clearSession(sessionKey: string): Promise<void> {
    await this.sessions.reset(this.#key(sessionKey));
  }

  /** The same agent, for one bound conversation. */
  bind(binding: ConversationBinding): AgentBackend {
    return new AcpBackend(this.agentId, this.agent, this.sessions, binding, this.env);
  }

  /** Whether the command to start is known and found (the process itself starts on the first message). */
  async check(): Promise<BackendCheck> {
    const argv = agentArgv(this.#opts);
    if ('error' in argv) return { ok: false, detail: argv.error };
    const program = argv[0] as string;
    const found = await resolveProgram(program, undefined, agentEnv(this.#opts, this.env));
    if (!found) {
      const pkg = { codex: '@zed-industries/codex-acp', claude: '@zed-industries/claude-agent-acp', gemini: '@google/gemini-cli' }[this.#opts.agent.trim().toLowerCase()];
      const hint = KNOWN_ACP_AGENTS[this.#opts.agent.trim().toLowerCase()] && pkg ? ` (install ${pkg}, or set runtime.acp.command)` : ' (set runtime.acp.command to its full path)';
      return { ok: false, detail: `ACP agent "${this.#opts.agent}": ${program} not found on PATH${hint}` };
    }
    return { ok: true, detail: `ACP agent "${this.#opts.agent}": ${[found, ...argv.slice(1)].join(' ')}` };
  }

  #key(sessionKey: string): string {
    return this.binding ? this.binding.id : unboundKey(sessionKey);
  }
}

/** For `doctor` and other checks without a running app: ACP backends that can be checked, not asked. */
export const acpCheckOnly: AcpRuntimeFactory = (agentId, agent, deps) =>
  new AcpBackend(agentId, agent, { reply: () => Promise.reject(new Error('the ACP runtime runs only inside the app')), reset: async () => undefined }, undefined, deps.env);
