// `init`'s flags → the starter config's agent, with usage errors that name the missing flag.
import { SECRET_NAME, SECRET_NAME_ERROR } from '../core/secrets/index.js';
import type { StarterAgent } from '../core/setup/starter-config.js';
import { UsageError } from './command.js';

/** What parseArgs gives `init`. */
export type InitFlags = Record<string, string | string[] | boolean | undefined>;

/** A non-empty string flag, trimmed. */
export function flagText(values: InitFlags, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function need(values: InitFlags, key: string, agent: string): string {
  const v = flagText(values, key);
  if (!v) throw new UsageError(`--agent ${agent} needs --${key}`);
  return v;
}

function secretName(values: InitFlags, key: string): string | undefined {
  const v = flagText(values, key);
  if (v !== undefined && !SECRET_NAME.test(v)) throw new UsageError(`--${key}: ${SECRET_NAME_ERROR}`);
  return v;
}

/** The agent the flags choose (echo by default). */
export function agentFromFlags(values: InitFlags): StarterAgent {
  const type = flagText(values, 'agent') ?? 'echo';
  switch (type) {
    case 'echo':
      return { type };
    case 'openai': {
      const apiKeySecret = secretName(values, 'api-key-secret');
      const apiKeyEnv = flagText(values, 'api-key-env');
      if (apiKeySecret && apiKeyEnv) throw new UsageError('give --api-key-secret or --api-key-env, not both');
      return { type, baseUrl: need(values, 'base-url', type), model: need(values, 'model', type), ...(apiKeySecret && { apiKeySecret }), ...(apiKeyEnv && { apiKeyEnv }) };
    }
    case 'webhook':
      return { type, url: need(values, 'url', type), ...(secretName(values, 'webhook-secret') && { secretName: secretName(values, 'webhook-secret') }) };
    case 'command': {
      const argv = Array.isArray(values.command) ? values.command : [];
      if (argv.length === 0) throw new UsageError('--agent command needs --command PROGRAM (and one --command per argument)');
      return { type, argv };
    }
    default:
      throw new UsageError(`--agent: expected one of echo|openai|webhook|command, got ${JSON.stringify(type)}`);
  }
}
