// The remoteHost an account actually uses: the configured value, else one detected from cliPath (§20).
import type { ResolvedAccount } from '../config/accounts.js';
import { isSafeRemoteHost } from '../config/validators.js';
import { detectRemoteHost } from './detect-host.js';

/** Where a resolved host came from, or why none was used. */
export interface RemoteHostResolution {
  host?: string;
  source?: 'config' | 'cliPath';
  /** An unsafe value that was ignored, phrased for the user (activity view, status). */
  warning?: string;
}

/**
 * Resolve the account's SSH host: a safe configured `remoteHost` wins; an unsafe one is ignored
 * (no detection then, as the key is set). Detection runs only when `cliPath` is not plain `imsg`.
 */
export async function resolveRemoteHost(
  account: ResolvedAccount,
  readFile?: (p: string) => Promise<string>,
): Promise<RemoteHostResolution> {
  const configured = account.remoteHost?.trim();
  if (configured) {
    if (isSafeRemoteHost(configured)) return { host: configured, source: 'config' };
    return { warning: `imessage: ignoring unsafe channels.imessage.remoteHost value ${JSON.stringify(account.remoteHost)} (account ${account.accountId})` };
  }
  const cliPath = account.cliPath.trim();
  if (cliPath === '' || cliPath === 'imsg') return {};
  const detected = await detectRemoteHost(cliPath, readFile);
  if (detected.host !== undefined) return { host: detected.host, source: 'cliPath' };
  if (detected.ignored !== undefined) {
    return { warning: `imessage: ignoring unsafe auto-detected remoteHost from cliPath ${JSON.stringify(cliPath)}: ${JSON.stringify(detected.ignored)} (account ${account.accountId})` };
  }
  return {};
}
