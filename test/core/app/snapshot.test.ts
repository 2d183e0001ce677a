// The overall line of a snapshot: what the header and `/status` say first, never "healthy" by mistake.
import { describe, expect, it } from 'vitest';
import { buildSnapshot, idleHealth, type SnapshotInput } from '../../../electron/core/app/snapshot.js';
import { resolveAccounts } from '../../../electron/core/config/accounts.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';

const [account] = resolveAccounts({ channels: { imessage: { cliPath: 'imsg' } } } as unknown as AppConfig);
const watching = { ...idleHealth('default'), state: 'watching' as const, healthy: true };

function input(over: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    version: '0.1.0',
    startedAt: '2026-11-21T10:00:00.000Z',
    paused: false,
    accounts: [{ account: account as NonNullable<typeof account>, health: watching }],
    pending: [],
    approved: [],
    agents: { list: [{ agentId: 'echo', type: 'echo', default: true }] },
    config: { path: '/c.json5', ok: true, issues: [] },
    permissions: [],
    platform: { os: 'Linux', macos: false, mode: 'headless', launchContext: 'serve', canOpenSettings: false, canReveal: false, loginItems: false },
    ...over,
  };
}

describe('snapshot overall', () => {
  it('is ok while every enabled account watches and nothing waits', () => {
    expect(buildSnapshot(input()).overall).toEqual({ level: 'ok', text: 'Watching 1 account' });
  });

  it('a state dir that cannot be written (journal or activity log) is an error, even while watching', () => {
    const problem = 'cannot write /s/pending-dispatch.jsonl: ENOSPC: no space left on device';
    expect(buildSnapshot(input({ storageProblem: problem })).overall).toEqual({ level: 'error', text: `State not saved: ${problem}` });
    // Paused does not hide it either.
    expect(buildSnapshot(input({ storageProblem: problem, paused: true })).overall.level).toBe('error');
  });

  it('an invalid config still comes first', () => {
    const config = { path: '/c.json5', ok: false, issues: [{ path: 'channels.imessage.dmPolicy', message: 'bad' }] };
    expect(buildSnapshot(input({ config, storageProblem: 'x' })).overall.text).toBe('Config has 1 problem(s); the last good config is in use');
  });
});
