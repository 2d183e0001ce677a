// `doctor`'s per-account imsg checks (worded for the account's dbPath and SSH host) and the
// Automation lines that follow from which accounts run imsg here and which over SSH.
import type { ResolvedAccount } from '../core/config/accounts.js';
import { firstLine } from '../core/imsg/error-text.js';
import { probeImsg, type ProbeResult } from '../core/imsg/probe.js';
import { detectLauncher } from '../core/platform/launcher.js';
import { resolveRemoteHost } from '../core/remote/index.js';
import { automationChecks, type DoctorCheck } from '../core/tcc/automation-check.js';
import { describeGrantee } from '../core/tcc/grantee.js';

/** Probe each enabled account's imsg, then add the Automation lines (`probeAutomation`: run the Mac's probe). */
export async function imsgChecks(accounts: readonly ResolvedAccount[], env: NodeJS.ProcessEnv, probeAutomation: boolean): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const remote: Array<{ accountId: string; host: string }> = [];
  let local = false;
  for (const account of accounts) {
    const remoteHost = (await resolveRemoteHost(account).catch(() => ({ host: undefined }))).host;
    if (remoteHost) remote.push({ accountId: account.accountId, host: remoteHost });
    else local = true;
    const probe = await probeImsg({ cliPath: account.cliPath, dbPath: account.dbPath, env, timeoutMs: account.probeTimeoutMs, diagnosis: { dbPath: account.dbPath, remoteHost } });
    checks.push({
      name: `imsg (${account.accountId})`,
      ok: probe.ok,
      detail: probe.ok ? `imsg ${probe.version ?? '?'} at ${probe.binaryPath}; rpc answers; chat.db readable (${probe.durationMs} ms)` : failureText(probe),
      fix: probe.ok ? undefined : (probe.cause?.fix ?? (remoteHost ? `check that imsg works over SSH: ssh ${remoteHost} imsg chats --limit 1` : 'install imsg (brew install steipete/tap/imsg) or set channels.imessage.cliPath')),
    });
  }
  const grantee = describeGrantee({ mode: 'headless', appPath: process.execPath, launcher: detectLauncher(env) });
  checks.push(...(await automationChecks({ macos: process.platform === 'darwin', probe: probeAutomation, granteeName: grantee.name, local, remote })));
  return checks;
}

/** The cause in words plus the one line of imsg's text it rests on (not imsg's whole banner). */
function failureText(probe: ProbeResult): string {
  const evidence = probe.cause?.detail ?? (probe.error ? firstLine(probe.error) : undefined);
  return `${probe.cause?.summary ?? probe.error ?? 'failed'}${evidence ? ` (${evidence})` : ''}`;
}
