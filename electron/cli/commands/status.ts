// `imsg-companion status [--probe] [--json]`: per account state, from the running app or from disk.
import { parseArgs } from 'node:util';
import { setupState, setupText } from '../../core/app/setup-state.js';
import { resolveAccounts } from '../../core/config/accounts.js';
import { offlineSessionViews } from '../../core/acp/session-views.js';
import { loadConfig } from '../../core/config/load.js';
import { probeImsg, type ProbeResult } from '../../core/imsg/probe.js';
import { WatchStateStore, watchStateFile } from '../../core/imsg/cursor-store.js';
import { PairingStore } from '../../core/pairing/index.js';
import { resolveRemoteHost } from '../../core/remote/index.js';
import { connectControl, controlSocketRefusal } from '../../core/transport/control-client.js';
import { controlSocketPath } from '../../core/transport/control-socket.js';
import type { AccountView } from '../../contract/views.js';
import type { CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { loadConfigOrFail } from '../cli-config.js';
import { resolveCliContext } from '../global-flags.js';
import { formatStatus, type StatusReport } from '../status-format.js';
import { runningWebLink } from './ui.js';

/** One line for the root help. */
export const summary = 'Show each account: running state, imsg version, last error, pending pairings';
/** Usage text. */
export const usage = `Usage: imsg-companion status [--probe] [--json] [--config PATH] [--state-dir DIR]

Asks the running app (serve or the menu-bar app) when there is one; otherwise reads the config
and the state directory. --probe also checks imsg now (found, version, rpc, chat.db readable).

Exit status: 0 when all is well; 1 when an account is failing, a probe fails, nothing is set
up, or the running app needs you (the first line says why: an agent down, replies waiting, a
pairing to approve, still starting).`;

/** Print the status; exit 1 when an enabled account is failing, the running app needs its owner, or nothing is set up. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let values;
  try {
    ({ values } = parseArgs({ args: [...rest], options: { probe: { type: 'boolean' }, json: { type: 'boolean' } }, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const control = await connectControl(ctx.stateDir);
  let report: StatusReport;
  if (control) {
    const result = await control.call('status:get', {});
    if (!result.ok) throw new UsageError(result.error.message, 1);
    report = { running: true, overall: result.data.overall.text, level: result.data.overall.level, accounts: result.data.accounts, pendingPairings: result.data.pairing.pending.length, acp: result.data.acp?.sessions ?? [], agents: result.data.agents.list, replies: result.data.replies, storage: result.data.storage?.problems, ...(result.data.setup?.needed && { setup: result.data.setup }) };
  } else if ((await controlSocketRefusal(ctx.stateDir)) === 'forbidden') {
    // The socket refuses this user (another user's app): it runs, we may not ask it; never "not running".
    io.stdout.write(`imsg Companion is running, but you may not talk to it (${controlSocketPath(ctx.stateDir)}: permission denied); run status as the user who started it\n`);
    return 1;
  } else {
    report = await offlineReport(ctx.stateDir, ctx.configPath);
  }
  if (values.probe) {
    report.probes = {};
    for (const a of report.accounts.filter((x) => x.enabled)) report.probes[a.accountId] = await probeImsg({ cliPath: a.cliPath, dbPath: a.dbPath, env: io.env, diagnosis: { dbPath: a.dbPath, remoteHost: a.remoteHost } });
  }
  const webUi = control ? await runningWebLink(ctx.stateDir) : undefined;
  io.stdout.write(values.json ? `${JSON.stringify(webUi ? { ...report, webUi } : report)}\n` : `${formatStatus(report)}${webUi ? `Web UI: ${webUi}\n` : ''}`);
  if (report.setup?.needed) return 1;
  const failing = report.accounts.some((a) => a.enabled && (a.health.state === 'fatal' || (report.running && a.health.state === 'backoff'))) || Object.values(report.probes ?? {}).some((p: ProbeResult) => !p.ok);
  // A running app that needs its owner (an agent down, replies waiting, a pairing to approve,
  // still starting) is not "all well" to a script watching this exit code either.
  const needsOwner = report.level !== undefined && report.level !== 'ok' && report.level !== 'idle';
  return failing || needsOwner ? 1 : 0;
}

async function offlineReport(stateDir: string, configPath: string): Promise<StatusReport> {
  const found = await loadConfig(configPath);
  if (found.ok && !found.exists) {
    const setup = setupState(configPath, { exists: false, everValid: false }, []);
    return { running: false, overall: setupText(setup), accounts: [], pendingPairings: 0, setup };
  }
  const config = await loadConfigOrFail(configPath);
  const pending = await new PairingStore({ stateDir }).listPending().catch(() => []);
  const accounts: AccountView[] = [];
  for (const a of resolveAccounts(config)) {
    const saved = await new WatchStateStore(watchStateFile(stateDir, a.accountId)).load().catch(() => undefined);
    accounts.push({
      accountId: a.accountId,
      enabled: a.enabled,
      paused: false,
      cliPath: a.cliPath,
      dbPath: a.dbPath,
      // Detected from an SSH wrapper too, so probe failures name that host.
      remoteHost: (await resolveRemoteHost(a).catch(() => undefined))?.host ?? a.remoteHost,
      health: { accountId: a.accountId, state: 'stopped', healthy: false, restarts: 0, attempt: 0, cursor: saved?.state.cursor ?? null, queued: 0 },
      pendingPairings: pending.filter((p) => p.accountId === a.accountId).length,
    });
  }
  return { running: false, overall: 'imsg Companion is not running (start it with: imsg-companion serve)', accounts, pendingPairings: pending.length, acp: offlineSessionViews(stateDir, config).views };
}
