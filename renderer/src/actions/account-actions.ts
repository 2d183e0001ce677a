// Account verbs behind the Accounts section's Restart and Probe buttons.
import type { VerbOutput } from '../../../electron/contract/channels.js';
import { api } from '../api/current-api.js';
import { useUiStore, type Notice } from '../stores/ui-store.js';
import { accountKey } from './keys.js';

const ui = () => useUiStore.getState();

/** Restart the account's imsg process now (skips the backoff wait). */
export async function restartAccount(accountId: string): Promise<void> {
  await ui().track(accountKey('restart', accountId), () => api().call('account:restart', { accountId }));
}

/** The probe result in one line (what the user needs: works or not, which imsg, why not). */
export function probeNotice(p: VerbOutput<'account:probe'>): Notice {
  const where = [p.version ? `imsg ${p.version}` : 'imsg', p.binaryPath ? `at ${p.binaryPath}` : ''].filter(Boolean).join(' ');
  if (!p.ok) return { tone: 'error', text: `Probe failed${p.fatal ? ' (needs a fix before it can run)' : ''}: ${p.error ?? 'no answer'} — ${where} (${p.durationMs} ms)` };
  const rpc = p.rpcSupported === false ? ', without RPC support' : '';
  return { tone: 'ok', text: `Probe OK: ${where}${rpc} (${p.durationMs} ms)` };
}

/** Probe the account's imsg binary and database, and show the result under the buttons. */
export async function probeAccount(accountId: string): Promise<void> {
  const key = accountKey('probe', accountId);
  ui().setNotice(key, null);
  const data = await ui().track(key, () => api().call('account:probe', { accountId }));
  if (data) ui().setNotice(key, probeNotice(data));
}
