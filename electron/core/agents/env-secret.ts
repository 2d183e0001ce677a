// Secrets come from the environment by name (`apiKeyEnv`, `secretEnv`), never from the config file.
import type { AgentErrorFactory } from './agent-error.js';

/** The value of env var `name` (undefined when no name is configured); a `config` error when it is unset or empty. */
export function secretFromEnv(name: string | undefined, key: string, env: NodeJS.ProcessEnv, fail: AgentErrorFactory): string | undefined {
  if (!name) return undefined;
  const value = env[name];
  if (!value) throw fail('config', `environment variable ${name} (${key}) is not set`);
  return value;
}
