// Keys typed in the UI go to the secret store (`secret:set`); the config gets only the name
// (`apiKey: {secret: NAME}`). The value is sent once and never read back.
import { api } from '../api/current-api.js';
import { useUiStore } from '../stores/ui-store.js';
import { configKey } from './keys.js';
import { setConfigValue } from './settings-actions.js';

/** The backend keys that take a `{secret: NAME}` reference. */
export type SecretField = 'apiKey' | 'secret';

const SUFFIX: Record<SecretField, string> = { apiKey: '-api-key', secret: '-webhook-secret' };

/** The secret-store name for an agent's key: `<agentId>-api-key` (chars a name may not hold become `_`). */
export function agentSecretName(agentId: string, field: SecretField): string {
  const suffix = SUFFIX[field];
  let base = agentId.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64 - suffix.length);
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`.slice(0, 64 - suffix.length);
  return `${base}${suffix}`;
}

/** The names in the secret store, or null when they cannot be read (the error shows under `trackKey`). */
export async function listSecretNames(trackKey: string): Promise<string[] | null> {
  const data = await useUiStore.getState().track(trackKey, () => api().call('secret:list', {}));
  return data ? data.names : null;
}

/** Store `value` under `name`, then point `<backendPath>.<field>` at it. Resolves true when both worked. */
export async function saveAgentSecret(backendPath: string, field: SecretField, name: string, value: string): Promise<boolean> {
  const path = `${backendPath}.${field}`;
  const key = configKey(path);
  useUiStore.getState().setNotice(key, null);
  const stored = await useUiStore.getState().track(key, () => api().call('secret:set', { name, value }));
  if (!stored) return false;
  return setConfigValue(path, { secret: stored.name }, key);
}
