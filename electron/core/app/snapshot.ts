// Builds the Snapshot the UI renders and the one-line summary `/status` and the header show.
import type { ResolvedAccount } from '../config/accounts.js';
import type { AccountHealth } from '../imsg/health.js';
import type { PermissionView, PlatformView } from '../../contract/permissions.js';
import type { AccountView, PairingRequestView, Snapshot } from '../../contract/views.js';
import { type RepliesInput, repliesOverall } from './snapshot-replies.js';
import { setupText, type SetupView } from './setup-state.js';

/** Inputs gathered by the companion. */
export interface SnapshotInput {
  readonly version: string;
  readonly startedAt: string;
  readonly paused: boolean;
  readonly accounts: ReadonlyArray<{ account: ResolvedAccount; health: AccountHealth | undefined; remoteHost?: string }>;
  readonly pending: readonly PairingRequestView[];
  readonly approved: ReadonlyArray<{ accountId: string; sender: string }>;
  readonly pairingProblem?: string;
  /** Strangers over the pending cap ("waiting, limit reached") and blocked senders. */
  readonly waiting?: NonNullable<Snapshot['pairing']['waiting']>;
  readonly blocked?: ReadonlyArray<{ accountId: string; sender: string }>;
  readonly agents: Snapshot['agents'];
  readonly config: Snapshot['config'];
  readonly permissions: readonly PermissionView[];
  readonly platform: PlatformView;
  /** The state directory cannot be written (the reply journal or the activity log failed). */
  readonly storageProblem?: string;
  /** ACP bindings and their sessions. */
  readonly acp?: Snapshot['acp'];
  /** Replies waiting and not answered. */
  readonly replies?: RepliesInput;
  /** Setup mode: no config, or none valid yet (no account runs). */
  readonly setup?: SetupView;
  /** Every state file that cannot be read or written (journal, logs, watch state, pairing files). */
  readonly storageProblems?: NonNullable<Snapshot['storage']>['problems'];
  /** Quiet hours now (notifications held back). */
  readonly notifications?: Snapshot['notifications'];
}

/** The health of an account that is not running (disabled, paused or not started yet). */
export function idleHealth(accountId: string): AccountHealth {
  return { accountId, state: 'stopped', healthy: false, restarts: 0, attempt: 0, cursor: null, queued: 0 };
}

/** Assemble the snapshot, with the overall state in one line. */
export function buildSnapshot(input: SnapshotInput): Snapshot {
  const accounts: AccountView[] = input.accounts.map(({ account, health, remoteHost }) => ({
    accountId: account.accountId,
    enabled: account.enabled,
    paused: input.paused,
    cliPath: account.cliPath,
    dbPath: account.dbPath,
    remoteHost: remoteHost ?? account.remoteHost,
    health: health ?? idleHealth(account.accountId),
    pendingPairings: input.pending.filter((p) => p.accountId === account.accountId).length,
  }));
  return {
    version: input.version,
    startedAt: input.startedAt,
    paused: input.paused,
    overall: overall(input, accounts),
    accounts,
    pairing: { pending: [...input.pending], approved: [...input.approved], problem: input.pairingProblem, waiting: [...(input.waiting ?? [])], blocked: [...(input.blocked ?? [])] },
    agents: input.agents,
    ...(input.replies && { replies: { waiting: input.replies.waiting, notAnswered: input.replies.notAnswered } }),
    config: input.config,
    permissions: [...input.permissions],
    platform: input.platform,
    ...(input.acp && { acp: input.acp }),
    ...(input.setup && { setup: { ...input.setup } }),
    ...(input.storageProblems ? { storage: { problems: [...input.storageProblems] } } : {}),
    ...(input.notifications && { notifications: input.notifications }),
  };
}

function overall(input: SnapshotInput, accounts: readonly AccountView[]): Snapshot['overall'] {
  const enabled = accounts.filter((a) => a.enabled);
  if (input.setup?.needed) return { level: 'setup', text: setupText(input.setup) };
  if (!input.config.ok) return { level: 'error', text: `Config has ${input.config.issues.length} problem(s); the last good config is in use` };
  // Answers keep going out, but a crash now could lose or repeat them: never shown as healthy.
  if (input.storageProblem) return { level: 'error', text: `State not saved: ${input.storageProblem}` };
  const brokenFile = input.storageProblems?.[0];
  if (brokenFile) return { level: 'error', text: `State file problem: ${brokenFile.message}${input.storageProblems && input.storageProblems.length > 1 ? ` (and ${input.storageProblems.length - 1} more)` : ''}` };
  if (input.paused) return { level: 'idle', text: 'Paused: no messages are being answered' };
  if (enabled.length === 0) return { level: 'idle', text: 'No enabled accounts' };
  const failing = enabled.filter((a) => a.health.state === 'fatal' || (a.health.state === 'backoff' && a.health.lastError));
  if (failing.length > 0) {
    const first = failing[0] as AccountView;
    return { level: 'error', text: `${first.accountId}: ${first.health.lastError?.cause.summary ?? 'not running'}` };
  }
  // macOS refuses to let us control Messages: nothing can be sent until the owner allows it.
  const refused = enabled.find((a) => a.health.lastError?.cause.kind === 'automation');
  if (refused) return { level: 'error', text: `${refused.accountId}: ${refused.health.lastError?.cause.summary}` };
  // Never "ok" while a reply waits or an agent fails: the owner should know.
  const replies = repliesOverall(input.replies, input.agents.list);
  if (replies && (replies.level === 'error' || input.replies?.waiting)) return replies;
  const starting = enabled.filter((a) => a.health.state !== 'watching');
  // A start that hit a problem says which (an imsg that hangs on every request), not a bare "Starting…".
  const stuck = starting.find((a) => a.health.lastError);
  if (stuck) return { level: 'warning', text: `Starting ${stuck.accountId}: ${stuck.health.lastError?.cause.summary}` };
  if (starting.length > 0) return { level: 'warning', text: `Starting ${starting.map((a) => a.accountId).join(', ')}…` };
  if (input.agents.list.length === 0) return { level: 'warning', text: 'No agent configured: messages are received but not answered' };
  const broken = input.acp?.sessions.find((s) => s.state === 'error');
  if (broken) return { level: 'warning', text: `ACP binding ${broken.id}: ${broken.error ?? 'not running'}` };
  if (replies) return replies;
  const waiting = input.waiting?.length ?? 0;
  const more = waiting > 0 ? ` (${waiting} more waiting: limit of 3 reached)` : '';
  if (input.pending.length > 0) return { level: 'warning', text: `${input.pending.length} pairing request${input.pending.length === 1 ? '' : 's'} to approve${more}` };
  const unhealthy = enabled.filter((a) => !a.health.healthy);
  if (unhealthy.length > 0) return { level: 'warning', text: `${unhealthy.map((a) => a.accountId).join(', ')}: no recent answer from imsg` };
  return { level: 'ok', text: `Watching ${enabled.length} account${enabled.length === 1 ? '' : 's'}` };
}

/** The `/status` chat reply. */
export function statusText(s: Snapshot): string {
  const lines = [`imsg Companion ${s.version}: ${s.overall.text}`];
  for (const a of s.accounts) {
    const h = a.health;
    lines.push(`- ${a.accountId}: ${a.enabled ? h.state : 'disabled'}${h.imsgVersion ? `, imsg ${h.imsgVersion}` : ''}${h.restarts ? `, ${h.restarts} restart(s)` : ''}${h.lastError ? `, last error: ${h.lastError.cause.summary}` : ''}`);
  }
  for (const agent of s.agents.list) if (agent.health && agent.health.state !== 'ok' && agent.health.state !== 'unknown') lines.push(`- agent ${agent.agentId}: ${agent.health.state}${agent.health.cause ? `, ${agent.health.cause}` : ''}${agent.health.waiting ? `, ${agent.health.waiting} waiting` : ''}`);
  if (s.pairing.pending.length > 0) lines.push(`${s.pairing.pending.length} pairing request(s) pending`);
  return lines.join('\n');
}
