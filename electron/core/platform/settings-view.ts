// The Settings section's data (default account + default agent), with anything secret-looking masked.
import { resolveAccount } from '../config/accounts.js';
import type { AppConfig } from '../config/schema.js';
import { defaultAgentId } from '../policy/route.js';
import type { SettingsView } from '../../contract/views.js';
import { settingsExtra } from './settings-extra.js';

/** What replaces a hidden value. */
export const MASK = '••••';

// Key names that may hold a secret. `…Env` keys are exempt: they hold env var NAMES, never values.
const SECRET_KEY = /(secret|token|passw(or)?d|api[-_]?key|auth|credential|signature)/i;

/** A URL without `user:pass@`, with every query and fragment value hidden (webhook tokens live there). */
export function maskUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  url.username = '';
  url.password = '';
  // Built by hand so the mask stays readable (URLSearchParams would percent-encode it).
  const keys = [...new Set(url.searchParams.keys())];
  const hash = url.hash ? `#${MASK}` : '';
  url.search = '';
  url.hash = '';
  return `${url.toString()}${keys.length > 0 ? `?${keys.map((k) => `${encodeURIComponent(k)}=${MASK}`).join('&')}` : ''}${hash}`;
}

/** argv with `--token=x` and the word after `--token` hidden. */
export function maskArgv(argv: readonly unknown[]): unknown[] {
  return argv.map((arg, i) => {
    const previous = argv[i - 1];
    if (typeof previous === 'string' && /^--?[\w-]+$/.test(previous) && SECRET_KEY.test(previous)) return MASK;
    if (typeof arg === 'string') {
      const eq = /^(--?[\w-]+)=/.exec(arg);
      if (eq?.[1] && SECRET_KEY.test(eq[1])) return `${eq[1]}=${MASK}`;
    }
    return arg;
  });
}

/** True for `{secret: "NAME"}`: a secret-store name, safe to show (the UI says whether it is stored). */
const isSecretRef = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { secret?: unknown }).secret === 'string';

/** A backend config safe to show: env var names kept, secret-named keys, URL credentials and query values hidden. */
export function maskBackend(backend: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(backend)) {
    if (key.endsWith('Env') || key === 'env' || ((key === 'apiKey' || key === 'secret') && isSecretRef(value))) out[key] = value; // names, not values
    else if (SECRET_KEY.test(key)) out[key] = MASK;
    else if (key === 'argv' && Array.isArray(value)) out[key] = maskArgv(value);
    else if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) out[key] = maskUrl(value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) out[key] = maskBackend(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

/** The Settings view of `config` (default account, default agent). `exists`: the config file is on disk. */
export function buildSettingsView(config: AppConfig, configPath: string, exists: boolean): SettingsView {
  const account = resolveAccount(config);
  const agentId = defaultAgentId(config);
  const entry = (config.agents?.list ?? []).find((a) => a.id.trim().toLowerCase() === agentId);
  const agent = entry
    ? { id: agentId, ...(entry.name !== undefined ? { name: entry.name } : {}), ...(entry.backend ? { backend: maskBackend(entry.backend as Record<string, unknown>) } : {}) }
    : null;
  return {
    configPath,
    exists,
    accountId: account.accountId,
    dmPolicy: account.dmPolicy,
    groupPolicy: account.groupPolicy,
    unpairedResponse: account.unpairedResponse,
    allowFrom: [...account.allowFrom],
    agent,
    ...settingsExtra(config, maskBackend),
  };
}
