// The four rows of one account from what was measured: pure, so every combination is testable.
import type { PermissionView } from '../../contract/permissions.js';
import type { AccountHealth } from '../imsg/health.js';
import type { ProbeResult } from '../imsg/probe.js';
import type { AutomationVerdict } from './automation.js';
import { automationRow, remoteAutomationRow } from './automation-row.js';
import { bridgeError, bridgeFdaError } from './bridge-verdict.js';
import { fdaRow, remoteFdaRow } from './fda-row.js';
import type { FdaVerdict } from './full-disk-access.js';
import { binaryRow, chatDbRow, remoteChatDbRow } from './imsg-rows.js';
import type { HeadCheck } from './read-head.js';
import { notApplicableRow, type RowContext } from './row-kit.js';

/** Row order within an account. */
export const PERMISSION_IDS = ['full-disk-access', 'automation', 'imsg-binary', 'chat-db'] as const;

/** What was measured for one account. `fda` on macOS; `chatDb` when FDA didn't read the account's own database. */
export interface AccountMeasurements {
  readonly probe: ProbeResult | undefined;
  /** When the probe ran (ISO), if it came from the cache. */
  readonly probeAt?: string;
  readonly fda?: FdaVerdict;
  readonly chatDb?: HeadCheck;
  /** True when the chat.db path came from dbPath. */
  readonly customDbPath: boolean;
  readonly automation: AutomationVerdict | undefined;
  readonly health: AccountHealth | undefined;
}

/** The imsg program row while its probe is still running (check() answers before it ends). */
function pendingBinaryRow(ctx: RowContext): PermissionView {
  return { id: 'imsg-binary', accountId: ctx.accountId, title: 'imsg program', status: 'unknown', summary: 'Checking the imsg program…', steps: [], actions: [], checkedAt: ctx.checkedAt };
}

/** imsg's own FDA verdict: from the running bridge, or from the probe's test request. */
function fdaBridgeDetail(m: AccountMeasurements): string | undefined {
  const bridge = bridgeFdaError(m.health);
  if (bridge) return bridge.cause.detail ?? bridge.message;
  if (m.probe && !m.probe.ok && m.probe.cause?.kind === 'full-disk-access') return m.probe.cause.detail ?? m.probe.error ?? m.probe.cause.summary;
  return undefined;
}

/** Build the account's four rows, in {@link PERMISSION_IDS} order. */
export function accountRows(ctx: RowContext, m: AccountMeasurements): PermissionView[] {
  const binary = m.probe ? binaryRow(ctx, m.probe, m.probeAt) : pendingBinaryRow(ctx);
  const automationBridge = bridgeError(m.health, 'automation');
  const bridgeDetail = fdaBridgeDetail(m);
  if (ctx.remoteHost) {
    return [remoteFdaRow(ctx, { ok: m.probe?.ok === true, deniedDetail: bridgeDetail }), remoteAutomationRow(ctx, automationBridge), binary, remoteChatDbRow(ctx)];
  }
  if (!ctx.macos) {
    const chatDb = m.chatDb ?? m.fda?.chatDb;
    if (!chatDb) throw new Error(`accountRows: account ${ctx.accountId} needs the chat.db check`);
    // imsg itself reported the refusal (a simulator faking it, here): say what it said, not "not applicable".
    const automation = automationBridge ? automationRow(ctx, undefined, automationBridge) : notApplicableRow(ctx, 'automation');
    return [notApplicableRow(ctx, 'full-disk-access'), automation, binary, chatDbRow(ctx, chatDb, m.customDbPath)];
  }
  if (!m.fda) throw new Error(`accountRows: account ${ctx.accountId} on macOS needs the Full Disk Access verdict`);
  const fda: FdaVerdict = bridgeDetail !== undefined ? { ...m.fda, status: 'denied', reason: 'bridge' } : m.fda;
  return [fdaRow(ctx, fda, bridgeDetail), automationRow(ctx, m.automation, automationBridge), binary, chatDbRow(ctx, m.chatDb ?? m.fda.chatDb, m.customDbPath)];
}
