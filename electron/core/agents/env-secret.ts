// Secrets come from the environment by name (`apiKeyEnv`, `secretEnv`) or from the secret store
// (`apiKey: {secret: NAME}`), never from the config file.
import type { SecretStore } from '../secrets/secret-store.js';
import type { AgentErrorFactory } from './agent-error.js';

/** The value of env var `name` (undefined when no name is configured); a `config` error when it is unset or empty. */
export function secretFromEnv(name: string | undefined, key: string, env: NodeJS.ProcessEnv, fail: AgentErrorFactory): string | undefined {
  if (!name) return undefined;
  const value = env[name];
  if (!value) throw fail('config', `environment variable ${name} (${key}) is not set`);
  return value;
}

/** Where one backend secret comes from: an env var name and/or a secret-store reference. */
export interface SecretSource {
  readonly envName?: string;
  readonly envKey: string;
  readonly ref?: { readonly secret: string };
  readonly refKey: string;
}

/** The secret from its env var or the secret store (undefined when neither is configured); a `config` error when it is missing. */
export function backendSecret(source: SecretSource, deps: { env: NodeJS.ProcessEnv; secrets?: SecretStore }, fail: AgentErrorFactory): string | undefined {
  if (source.envName && source.ref) throw fail('config', `set either ${source.envKey} or ${source.refKey}, not both`);
  if (!source.ref) return secretFromEnv(source.envName, source.envKey, deps.env, fail);
  const name = source.ref.secret;
  if (!deps.secrets) throw fail('config', `${source.refKey} refers to secret ${name}, but no secret store is available here`);
  let value: string | undefined;
  try {
    value = deps.secrets.get(name);
  } catch (err) {
    throw fail('config', `secret ${name} (${source.refKey}) could not be read: ${(err as Error).message}`);
  }
  if (!value) throw fail('config', `secret ${name} (${source.refKey}) is not set; store it with: imsg-companion secret set ${name}`);
  return value;
}

/** The `openai` backend's API key source. */
export function openAiKeySource(config: { apiKeyEnv?: string; apiKey?: { secret: string } }): SecretSource {
  return { envName: config.apiKeyEnv, envKey: 'apiKeyEnv', ref: config.apiKey, refKey: 'apiKey' };
}
