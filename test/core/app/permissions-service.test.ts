// PermissionsService with faked files, osascript and imsg probe: what check() and requestAutomation() do.
import { describe, expect, it, vi } from 'vitest';
import type { PermissionView } from '../../../electron/contract/permissions.js';
import { resolveAccount, type ResolvedAccount } from '../../../electron/core/config/accounts.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import type { AccountHealth } from '../../../electron/core/imsg/health.js';
import type { ProbeOptions, ProbeResult } from '../../../electron/core/imsg/probe.js';
import { PermissionsService } from '../../../electron/core/app/permissions-service.js';
import type { OsascriptRun, RunOsascript } from '../../../electron/core/tcc/automation.js';
import { fakePlatform } from '../platform/fake-platform.js';
import { type FakeFile, fakeReadHead, SQLITE_HEAD } from '../tcc/fake-fs.js';

const HOME = '/Users/ann';
const CHAT = `${HOME}/Library/Messages/chat.db`;
const OK_PROBE: ProbeResult = { ok: true, fatal: false, binaryPath: '/opt/homebrew/bin/imsg', version: '0.9.0', rpcSupported: true, durationMs: 5 };

function account(id: string, patch: Partial<ResolvedAccount> = {}): ResolvedAccount {
  return { ...resolveAccount({} as AppConfig, id), ...patch };
}

function setup(opts: { macos?: boolean; files?: Record<string, FakeFile>; accounts?: ResolvedAccount[]; probe?: (o: ProbeOptions) => Promise<ProbeResult>; osascript?: OsascriptRun; health?: Record<string, AccountHealth> } = {}) {
  let clock = Date.parse('2026-03-01T10:00:00.000Z');
  const probeCalls: ProbeOptions[] = [];
  const osascript = vi.fn<RunOsascript>(async () => opts.osascript ?? { exitCode: 0, stdout: '7', stderr: '', timedOut: false });
  const { readHead, reads } = fakeReadHead(opts.files ?? { [CHAT]: SQLITE_HEAD });
  let accounts = opts.accounts ?? [account('default')];
  const service = new PermissionsService({
    platform: fakePlatform({ macos: opts.macos ?? true }),
    accounts: () => accounts,
    health: (id) => opts.health?.[id],
    probes: {
      readHead,
      runOsascript: osascript,
      probeImsg: (o) => {
        probeCalls.push(o);
        return opts.probe ? opts.probe(o) : Promise.resolve(OK_PROBE);
      },
    },
    now: () => clock,
    home: HOME,
    probeWaitMs: 50,
  });
  return {
    service,
    osascript,
    probeCalls,
    reads,
    tick: (ms: number) => {
      clock += ms;
    },
    setAccounts: (next: ResolvedAccount[]) => {
      accounts = next;
    },
  };
}

const row = (rows: readonly PermissionView[], id: PermissionView['id'], accountId = 'default') => rows.find((r) => r.id === id && r.accountId === accountId);

describe('PermissionsService.check', () => {
  it('checks FDA, imsg and chat.db, and NEVER runs osascript', async () => {
    const t = setup();
    expect(t.service.current()).toEqual([]);
    const rows = await t.service.check();
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['full-disk-access', 'granted'],
      ['automation', 'unknown'],
      ['imsg-binary', 'granted'],
      ['chat-db', 'granted'],
    ]);
    expect(row(rows, 'automation')?.actions).toEqual(['request-access']);
    await t.service.check('default');
    await t.service.check();
    expect(t.osascript).not.toHaveBeenCalled();
    expect(t.service.current()).toEqual(rows.map((r) => ({ ...r, checkedAt: expect.any(String) })));
  });

  it('reports EPERM as denied and flips to granted once the file reads', async () => {
    const files: Record<string, FakeFile> = { [CHAT]: 'EPERM' };
    const t = setup({ files });
    expect(row(await t.service.check(), 'full-disk-access')?.status).toBe('denied');
    files[CHAT] = SQLITE_HEAD;
    expect(row(await t.service.check(), 'full-disk-access')?.status).toBe('granted');
  });

  it('reuses the imsg probe for 30 s, and probes again at once when cliPath changes', async () => {
    const t = setup();
    await t.service.check();
    t.tick(10_000);
    await t.service.check();
    expect(t.probeCalls).toHaveLength(1);
    t.tick(25_000);
    await t.service.check();
    expect(t.probeCalls).toHaveLength(2);
    t.setAccounts([account('default', { cliPath: '/usr/local/bin/imsg' })]);
    await t.service.check();
    expect(t.probeCalls.map((c) => c.cliPath)).toEqual(['imsg', 'imsg', '/usr/local/bin/imsg']);
  });

  it('answers "Checking…" while a slow probe runs, then pushes the result', async () => {
    let finish: (r: ProbeResult) => void = () => undefined;
    const t = setup({ probe: () => new Promise<ProbeResult>((resolve) => (finish = resolve)) });
    const pushed = new Promise<PermissionView[]>((resolve) => t.service.onChange((rows) => row(rows, 'imsg-binary')?.status === 'granted' && resolve(rows)));
    const first = await t.service.check();
    expect(row(first, 'imsg-binary')).toMatchObject({ status: 'unknown', summary: 'Checking the imsg program…' });
    finish(OK_PROBE);
    expect(row(await pushed, 'imsg-binary')?.summary).toBe('imsg 0.9.0 is installed and supports rpc.');
    expect(t.probeCalls).toHaveLength(1);
  });

  it('notifies only on real changes, not on a new check time', async () => {
    const t = setup();
    const seen: number[] = [];
    t.service.onChange((rows) => seen.push(rows.length));
    await t.service.check();
    t.tick(1000);
    await t.service.check();
    expect(seen).toEqual([4]);
  });

  it("applies imsg's Full Disk Access error from the account's health", async () => {
    const health: AccountHealth = { accountId: 'default', state: 'backoff', healthy: false, restarts: 2, attempt: 2, cursor: null, queued: 0, lastError: { message: 'x', at: '2026-03-01T09:59:00.000Z', cause: { kind: 'full-disk-access', summary: 'no' } } };
    const t = setup({ health: { default: health } });
    expect(row(await t.service.check(), 'full-disk-access')).toMatchObject({ status: 'denied' });
  });

  it('checks every enabled account, drops removed ones, and refuses unknown ids', async () => {
    const t = setup({ accounts: [account('default'), account('work', { dbPath: '/data/work.db' }), account('off', { enabled: false })] });
    const rows = await t.service.check();
    expect([...new Set(rows.map((r) => r.accountId))]).toEqual(['default', 'work']);
    expect(row(rows, 'chat-db', 'work')).toMatchObject({ status: 'denied', summary: 'There is no file at /data/work.db.' });
    expect((await t.service.check('WORK')).every((r) => r.accountId === 'work')).toBe(true);
    await expect(t.service.check('nope')).rejects.toThrow('No enabled account "nope"');
    await expect(t.service.check('off')).rejects.toThrow('No enabled account');
    t.setAccounts([account('work', { dbPath: '/data/work.db' })]);
    await t.service.check();
    expect(new Set(t.service.current().map((r) => r.accountId))).toEqual(new Set(['work']));
  });

  it('on macOS with a demo dbPath: FDA judged on the real chat.db, the chat.db row on the demo file', async () => {
    const t = setup({ accounts: [account('default', { dbPath: '/tmp/demo/chat.db' })], files: { '/tmp/demo/chat.db': SQLITE_HEAD, [CHAT]: 'EPERM' } });
    const rows = await t.service.check();
    expect(row(rows, 'full-disk-access')?.status).toBe('denied');
    expect(row(rows, 'chat-db')).toMatchObject({ status: 'granted', detail: '/tmp/demo/chat.db' });
    expect(new Set(t.reads)).toEqual(new Set([CHAT, '/tmp/demo/chat.db']));
  });

  it('on Linux: FDA/Automation not applicable, chat.db and imsg really checked', async () => {
    const t = setup({ macos: false, accounts: [account('default', { dbPath: '/tmp/demo/chat.db' })], files: { '/tmp/demo/chat.db': SQLITE_HEAD } });
    const rows = await t.service.check();
    expect(rows.map((r) => r.status)).toEqual(['not-applicable', 'not-applicable', 'granted', 'granted']);
    expect(t.reads).toEqual(['/tmp/demo/chat.db']);
    expect((await t.service.requestAutomation('default')).status).toBe('not-applicable');
    expect(t.osascript).not.toHaveBeenCalled();
  });
});

describe('PermissionsService.requestAutomation', () => {
  it.each<[string, OsascriptRun, PermissionView['status']]>([
    ['granted', { exitCode: 0, stdout: '12', stderr: '', timedOut: false }, 'granted'],
    ['-1743', { exitCode: 1, stdout: '', stderr: 'Not authorized to send Apple events to Messages. (-1743)', timedOut: false }, 'denied'],
    ['-1744', { exitCode: 1, stdout: '', stderr: '(-1744)', timedOut: false }, 'not-determined'],
    ['Messages closed', { exitCode: 0, stdout: 'not-running', stderr: '', timedOut: false }, 'unknown'],
  ])('maps %s and updates every local account', async (_name, osascript, status) => {
    const t = setup({ osascript, accounts: [account('default'), account('work')] });
    const changed = vi.fn();
    t.service.onChange(changed);
    const result = await t.service.requestAutomation('default');
    expect(result).toMatchObject({ id: 'automation', accountId: 'default', status });
    expect(row(t.service.current(), 'automation', 'work')?.status).toBe(status);
    expect(t.osascript).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalled();
    // A later check keeps the requested verdict and still doesn't probe again.
    await t.service.check();
    expect(row(t.service.current(), 'automation')?.status).toBe(status);
    expect(t.osascript).toHaveBeenCalledTimes(1);
  });

  it('never probes locally for an SSH-wrapped account', async () => {
    const t = setup({ accounts: [account('default', { remoteHost: 'bot@mini' })] });
    expect(await t.service.requestAutomation('default')).toMatchObject({ status: 'unknown', grantee: expect.stringContaining('bot@mini') });
    expect(t.osascript).not.toHaveBeenCalled();
    expect(t.reads).toEqual([]);
  });

  it('refuses an unknown account without running osascript', async () => {
    const t = setup();
    await expect(t.service.requestAutomation('ghost')).rejects.toThrow('No enabled account "ghost"');
    expect(t.osascript).not.toHaveBeenCalled();
  });
});
