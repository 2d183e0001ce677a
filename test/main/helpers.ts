// Shared test data for the main-process specs: stub verb handlers and snapshots.
import { vi } from 'vitest';
import type { ContractHandlers, VerbName } from '../../electron/contract/channels.js';
import { VERB_NAMES } from '../../electron/contract/names.js';
import type { AccountView, PairingRequestView, Snapshot } from '../../electron/contract/views.js';

/** Contract handlers that are also spies. */
export type StubHandlers = { [V in VerbName]: ContractHandlers[V] & ReturnType<typeof vi.fn> };

/** Every verb as a spy resolving `{ verb, input }`, so a test sees which handler ran with what. */
export function stubHandlers(): StubHandlers {
  return Object.fromEntries(VERB_NAMES.map((verb) => [verb, vi.fn(async (input: unknown) => ({ verb, input }))])) as unknown as StubHandlers;
}

/** A pending pairing request. */
export function pairingRequest(code = 'K7QX2M', accountId = 'default', sender = '+15551234567'): PairingRequestView {
  return { id: sender, code, accountId, createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T01:00:00.000Z', lastSeenAt: '2026-01-01T00:00:00.000Z', meta: { sender } };
}

/** An enabled account in `state` (with an error when failing). */
export function account(accountId: string, state: AccountView['health']['state'] = 'watching'): AccountView {
  const failing = state === 'fatal' || state === 'backoff';
  return {
    accountId,
    enabled: true,
    paused: false,
    cliPath: 'imsg',
    pendingPairings: 0,
    health: {
      accountId,
      state,
      healthy: state === 'watching',
      restarts: 0,
      attempt: 0,
      cursor: null,
      queued: 0,
      ...(failing ? { lastError: { message: 'boom', at: '2026-01-01T00:00:00.000Z', cause: { kind: 'permission', summary: 'Full Disk Access is missing.', fix: 'Grant it in System Settings.' } } } : {}),
    },
  };
}

/** A snapshot with sensible defaults, overridable per field. */
export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    version: '0.1.0',
    startedAt: '2026-01-01T00:00:00.000Z',
    paused: false,
    overall: { level: 'ok', text: 'Answering messages' },
    accounts: [account('default')],
    pairing: { pending: [], approved: [] },
    agents: { list: [] },
    config: { path: '/tmp/config.json5', ok: true, issues: [] },
    permissions: [],
    platform: { os: 'macOS', macos: true, mode: 'app', launchContext: 'menu-bar app', canOpenSettings: true, canReveal: true, loginItems: true },
    ...over,
  };
}

/** A permission row. */
export function permission(id: Snapshot['permissions'][number]['id'], status: Snapshot['permissions'][number]['status'], accountId = 'default'): Snapshot['permissions'][number] {
  return { id, accountId, status, title: id === 'full-disk-access' ? 'Full Disk Access' : id, summary: `${id} is ${status}.`, steps: [], actions: [], checkedAt: '2026-01-01T00:00:00.000Z' };
}
