// Text rendering of `imsg-companion status`.
import type { SetupView } from '../core/app/setup-state.js';
import type { ProbeResult } from '../core/imsg/probe.js';
import type { AccountView, AcpSessionView, Snapshot } from '../contract/views.js';
import { safeField } from '../core/text/terminal-safe.js';

/** What `status` reports (also its --json shape). */
export interface StatusReport {
  running: boolean;
  overall: string;
  /** How the running app rates itself (its tray colour); absent when read from disk. */
  level?: Snapshot['overall']['level'];
  accounts: AccountView[];
  pendingPairings: number;
  /** State files that cannot be read or written (from the running app). */
  storage?: Array<{ file: string; message: string; since: string }>;
  probes?: Record<string, ProbeResult>;
  /** ACP bindings and their sessions. */
  acp?: AcpSessionView[];
  /** The agents with their measured health (from the running app). */
  agents?: Snapshot['agents']['list'];
  /** Replies waiting and not answered (from the running app). */
  replies?: Snapshot['replies'];
  /** Set in setup mode (no config, or none valid yet): nothing runs. */
  setup?: SetupView;
}

/** Human-readable status, one block per account. */
export function formatStatus(r: StatusReport): string {
  const lines = [safeField(r.overall)];
  for (const p of r.storage ?? []) lines.push(`  state file problem since ${p.since}: ${safeField(p.message)}`);
  for (const a of r.accounts) {
    const h = a.health;
    const state = !a.enabled ? 'disabled' : r.running ? `${h.state}${h.healthy ? ' (healthy)' : ''}` : 'not running';
    lines.push('', `${a.accountId}: ${state}`);
    lines.push(`  imsg: ${a.cliPath}${h.imsgVersion ? ` (version ${h.imsgVersion})` : ''}${a.dbPath ? `, db ${a.dbPath}` : ''}${a.remoteHost ? `, remote ${a.remoteHost}` : ''}`);
    if (h.pid) lines.push(`  pid ${h.pid}, ${h.restarts} restart(s)${h.nextRestartAt ? `, next try ${h.nextRestartAt}` : ''}`);
    if (h.lastMessageAt) lines.push(`  last message: ${h.lastMessageAt}`);
    if (h.lastError) lines.push(`  last error: ${h.lastError.cause.summary}${h.lastError.cause.fix ? `\n    fix: ${h.lastError.cause.fix}` : ''}\n    (${safeField(h.lastError.message)})`);
    else if (h.lastProblem) lines.push(`  last problem (recovered at ${h.lastProblem.recoveredAt ?? '?'}): ${safeField(h.lastProblem.message)}`);
    if (h.invalidPayloads || h.protocolErrors) lines.push(`  ignored from imsg: ${h.invalidPayloads ?? 0} invalid message payload(s), ${h.protocolErrors ?? 0} protocol error(s) (see the activity log)`);
    if (a.pendingPairings > 0) lines.push(`  ${a.pendingPairings} pairing request(s) waiting: imsg-companion pairing list`);
    const probe = r.probes?.[a.accountId];
    if (probe) lines.push(`  probe: ${probe.ok ? `ok (imsg ${probe.version ?? '?'} at ${probe.binaryPath ?? a.cliPath}, ${probe.durationMs} ms)` : `FAILED: ${probe.cause?.summary ?? probe.error}${probe.cause?.fix ? `\n    fix: ${probe.cause.fix}` : ''}`}`);
  }
  if (r.acp && r.acp.length > 0) lines.push('', 'ACP bindings:', ...r.acp.map((v) => `  ${v.id}: ${v.agentId}, ${v.state}${v.sessionId ? `, session ${v.sessionId}` : ''}${v.error ? `, error: ${v.error}` : ''}`));
  lines.push(...agentLines(r));
  return `${lines.join('\n')}\n`;
}

/** One block line per agent: its health, and the replies waiting or not answered. */
function agentLines(r: StatusReport): string[] {
  const lines: string[] = [];
  for (const a of r.agents ?? []) {
    const h = a.health;
    const state = !h ? 'unknown' : h.state === 'failing' ? `failing since ${h.since ?? '?'}: ${h.cause ?? ''}${h.nextRetryAt ? `; next try ${h.nextRetryAt}` : ''}` : h.state === 'unavailable' ? `unavailable: ${h.cause ?? ''}` : h.state;
    lines.push(`${lines.length === 0 ? '\n' : ''}agent ${a.agentId} (${a.type}${a.default ? ', default' : ''}): ${state}${h?.waiting ? `; ${h.waiting} repl${h.waiting === 1 ? 'y' : 'ies'} waiting` : ''}`);
  }
  if (r.replies?.notAnswered) lines.push(`${r.replies.notAnswered} message(s) not answered: imsg-companion replies list (then retry ID or dismiss ID)`);
  return lines;
}
