// Text rendering of `imsg-companion status`.
import type { ProbeResult } from '../core/imsg/probe.js';
import type { AccountView, AcpSessionView } from '../contract/views.js';

/** What `status` reports (also its --json shape). */
export interface StatusReport {
  running: boolean;
  overall: string;
  accounts: AccountView[];
  pendingPairings: number;
  probes?: Record<string, ProbeResult>;
  /** ACP bindings and their sessions. */
  acp?: AcpSessionView[];
}

/** Human-readable status, one block per account. */
export function formatStatus(r: StatusReport): string {
  const lines = [r.overall];
  for (const a of r.accounts) {
    const h = a.health;
    const state = !a.enabled ? 'disabled' : r.running ? `${h.state}${h.healthy ? ' (healthy)' : ''}` : 'not running';
    lines.push('', `${a.accountId}: ${state}`);
    lines.push(`  imsg: ${a.cliPath}${h.imsgVersion ? ` (version ${h.imsgVersion})` : ''}${a.dbPath ? `, db ${a.dbPath}` : ''}${a.remoteHost ? `, remote ${a.remoteHost}` : ''}`);
    if (h.pid) lines.push(`  pid ${h.pid}, ${h.restarts} restart(s)${h.nextRestartAt ? `, next try ${h.nextRestartAt}` : ''}`);
    if (h.lastMessageAt) lines.push(`  last message: ${h.lastMessageAt}`);
    if (h.lastError) lines.push(`  last error: ${h.lastError.cause.summary}${h.lastError.cause.fix ? `\n    fix: ${h.lastError.cause.fix}` : ''}\n    (${h.lastError.message})`);
    if (a.pendingPairings > 0) lines.push(`  ${a.pendingPairings} pairing request(s) waiting: imsg-companion pairing list`);
    const probe = r.probes?.[a.accountId];
    if (probe) lines.push(`  probe: ${probe.ok ? `ok (imsg ${probe.version ?? '?'} at ${probe.binaryPath ?? a.cliPath}, ${probe.durationMs} ms)` : `FAILED: ${probe.cause?.summary ?? probe.error}${probe.cause?.fix ? `\n    fix: ${probe.cause.fix}` : ''}`}`);
  }
  if (r.acp && r.acp.length > 0) lines.push('', 'ACP bindings:', ...r.acp.map((v) => `  ${v.id}: ${v.agentId}, ${v.state}${v.sessionId ? `, session ${v.sessionId}` : ''}${v.error ? `, error: ${v.error}` : ''}`));
  return `${lines.join('\n')}\n`;
}
