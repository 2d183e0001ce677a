// How an ACP agent process is started: known agents map to their adapter commands, `acp.command`
// overrides; the process gets a short environment allowlist, never the app's whole env.
import { isAbsolute, join, resolve } from 'node:path';
import type { AgentRuntimeConfig } from '../config/acp-schema.js';
import { expandHome } from '../fs/expand-home.js';
import { commandEnv } from '../agents/command-env.js';

/** The options of one ACP agent (`agents.list[].runtime.acp`). */
export type AcpOptions = AgentRuntimeConfig['acp'];

/** Known ACP agents: their adapter command and the credentials variables they read. */
export const KNOWN_ACP_AGENTS: Readonly<Record<string, { readonly argv: readonly string[]; readonly env: readonly string[] }>> = {
  codex: { argv: ['codex-acp'], env: ['OPENAI_API_KEY', 'CODEX_HOME'] },
  claude: { argv: ['claude-agent-acp'], env: ['ANTHROPIC_API_KEY', 'CLAUDE_CONFIG_DIR'] },
  gemini: { argv: ['gemini', '--experimental-acp'], env: ['GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GOOGLE_CLOUD_PROJECT'] },
};

/** The argv to spawn for `opts` (`command` wins), or a plain error naming the key to set. */
export function agentArgv(opts: AcpOptions): readonly string[] | { error: string } {
  if (opts.command && opts.command.length > 0) return opts.command;
  const known = KNOWN_ACP_AGENTS[opts.agent.trim().toLowerCase()];
  if (known) return known.argv;
  return { error: `unknown ACP agent "${opts.agent}": set runtime.acp.command to its argv (known agents: ${Object.keys(KNOWN_ACP_AGENTS).join(', ')})` };
}

/** PATH, HOME, LANG, the known agent's credential variables and `acp.env`, from `env`. */
export function agentEnv(opts: AcpOptions, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const known = KNOWN_ACP_AGENTS[opts.agent.trim().toLowerCase()];
  return commandEnv([...(known?.env ?? []), ...(opts.env ?? [])], env);
}

/** File-name-safe form of a binding key (for its default working directory). */
export function safeName(key: string): string {
  return key.replace(/[^A-Za-z0-9@.+_-]+/g, '_').replace(/^\.+/, '_').slice(0, 120) || '_';
}

/** The session's working directory: `acp.cwd` (absolute after `~`), else `<stateDir>/acp/work/<key>`. */
export function agentCwd(opts: AcpOptions, stateDir: string, key: string, home?: string): string | { error: string } {
  if (opts.cwd !== undefined) {
    const expanded = expandHome(opts.cwd.trim(), home);
    if (!isAbsolute(expanded)) return { error: `runtime.acp.cwd must be an absolute path (or start with ~/), got "${opts.cwd}"` };
    return resolve(expanded);
  }
  return join(stateDir, 'acp', 'work', safeName(key));
}
