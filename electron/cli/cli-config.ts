// Loading the config for CLI commands that work without a running app.
import { resolveAccount, type ResolvedAccount } from '../core/config/accounts.js';
import { loadConfig } from '../core/config/load.js';
import type { AppConfig } from '../core/config/schema.js';
import { UsageError } from './command.js';

/** Load the config or fail with every issue and its key path (exit 1). */
export async function loadConfigOrFail(path: string): Promise<AppConfig> {
  const loaded = await loadConfig(path);
  if (!loaded.ok) throw new UsageError(`config ${path} is invalid:\n${loaded.issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`, 1);
  return loaded.config;
}

/** Resolve one account or fail naming it (exit 2). */
export function accountOrFail(config: AppConfig, accountId?: string): ResolvedAccount {
  try {
    return resolveAccount(config, accountId);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
