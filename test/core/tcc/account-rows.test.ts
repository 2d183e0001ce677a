// The four rows of an account from measurements: statuses, steps, actions, grantee, bridge verdicts.
import { describe, expect, it } from 'vitest';
import type { AccountHealth } from '../../../electron/core/imsg/health.js';
import type { ProbeResult } from '../../../electron/core/imsg/probe.js';
import { accountRows, type AccountMeasurements } from '../../../electron/core/tcc/account-rows.js';
import type { FdaVerdict } from '../../../electron/core/tcc/full-disk-access.js';
import { describeGrantee } from '../../../electron/core/tcc/grantee.js';
import type { RowContext } from '../../../electron/core/tcc/row-kit.js';

const NOW = '2026-03-01T10:00:00.000Z';
const APP = '/Applications/imsg Companion.app';
const CHAT = '/Users/ann/Library/Messages/chat.db';

const ctx = (patch: Partial<RowContext> = {}): RowContext => ({
  accountId: 'default',
  grantee: describeGrantee({ mode: patch.mode ?? 'app', appPath: APP, remoteHost: patch.remoteHost }),
  mode: 'app',
  os: 'macOS',
  macos: true,
  checkedAt: NOW,
  ...patch,
});
const okProbe: ProbeResult = { ok: true, fatal: false, binaryPath: '/opt/homebrew/bin/imsg', version: '0.9.0', rpcSupported: true, durationMs: 40 };
const fda = (status: FdaVerdict['status'], reason: FdaVerdict['reason'], finding: FdaVerdict['chatDb']['finding'] = 'readable'): FdaVerdict => ({ status, reason, chatDb: { path: CHAT, finding } });
const health = (patch: Partial<AccountHealth>): AccountHealth => ({ accountId: 'default', state: 'backoff', healthy: false, restarts: 1, attempt: 1, cursor: null, queued: 0, ...patch });
const fdaError = (at: string) => ({ message: 'permissionDenied', at, cause: { kind: 'full-disk-access' as const, summary: 'no FDA', detail: 'authorization denied (chat.db)' } });
const m = (patch: Partial<AccountMeasurements>): AccountMeasurements => ({ probe: okProbe, fda: fda('granted', 'chat-db-readable'), customDbPath: false, automation: undefined, health: undefined, ...patch });
const byId = (rows: ReturnType<typeof accountRows>) => Object.fromEntries(rows.map((r) => [r.id, r]));

describe('accountRows on macOS, local account', () => {
  it('all fine: FDA granted, Automation not checked yet (Request access), imsg and chat.db granted', () => {
    const rows = accountRows(ctx(), m({}));
    expect(rows.map((r) => r.id)).toEqual(['full-disk-access', 'automation', 'imsg-binary', 'chat-db']);
    const r = byId(rows);
    expect(r['full-disk-access']).toMatchObject({ status: 'granted', steps: [], actions: [], grantee: `imsg Companion (${APP})` });
    expect(r.automation).toMatchObject({ status: 'unknown', actions: ['request-access'], settingsPane: 'automation' });
    expect(r['imsg-binary']).toMatchObject({ status: 'granted', summary: 'imsg 0.9.0 is installed and supports rpc.', actions: ['reveal-imsg'] });
    expect(r['chat-db']).toMatchObject({ status: 'granted', checkedAt: NOW });
  });

  it('FDA denied in the packaged app: guided steps, settings pane, reveal, relaunch', () => {
    const row = byId(accountRows(ctx(), m({ fda: fda('denied', 'tcc-blocked', 'eperm') })))['full-disk-access'];
    expect(row).toMatchObject({ status: 'denied', settingsPane: 'full-disk-access', actions: ['open-settings', 'reveal-app', 'check-again', 'relaunch'] });
    expect(row?.steps).toEqual([
      'Open System Settings → Privacy & Security → Full Disk Access.',
      'Turn on imsg Companion (or drag it into the list with +).',
      'If it is already on, turn it off and on again.',
      'Quit and reopen imsg Companion.',
    ]);
    expect(row?.detail).toContain('eperm');
  });

  it('FDA denied in dev from iTerm: the terminal is named, no reveal or relaunch', () => {
    const c = ctx({ mode: 'dev', grantee: describeGrantee({ mode: 'dev', appPath: '/x/Electron.app', launcher: { name: 'iTerm', kind: 'terminal', via: 'TERM_PROGRAM' } }) });
    const row = byId(accountRows(c, m({ fda: fda('denied', 'tcc-blocked', 'eperm') })))['full-disk-access'];
    expect(row?.steps).toContain('Turn on iTerm (or drag it into the list with +).');
    expect(row?.steps).toContain('Quit and reopen iTerm, then start imsg Companion again.');
    expect(row?.actions).toEqual(['open-settings', 'check-again']);
  });

  it("imsg's FDA error overrules a readable chat.db, until a later request succeeds", () => {
    const denied = byId(accountRows(ctx(), m({ health: health({ lastError: fdaError('2026-03-01T09:00:00.000Z') }) })))['full-disk-access'];
    expect(denied).toMatchObject({ status: 'denied', detail: 'authorization denied (chat.db)' });
    const stale = health({ lastError: fdaError('2026-03-01T09:00:00.000Z'), lastRequestOkAt: '2026-03-01T09:30:00.000Z', state: 'watching' });
    expect(byId(accountRows(ctx(), m({ health: stale })))['full-disk-access']?.status).toBe('granted');
  });

  it("the probe's own FDA failure also denies, while the program row stays fine", () => {
    const probe: ProbeResult = { ...okProbe, ok: false, error: 'permissionDenied', cause: { kind: 'full-disk-access', summary: 'no FDA' } };
    const r = byId(accountRows(ctx(), m({ probe })));
    expect(r['full-disk-access']?.status).toBe('denied');
    expect(r['imsg-binary']).toMatchObject({ status: 'granted' });
    expect(r['imsg-binary']?.detail).toContain('test request failed: no FDA');
  });

  it("Messages never used: unknown with open-messages; a missing custom dbPath is denied", () => {
    const verdict: FdaVerdict = { status: 'unknown', reason: 'no-messages-data', chatDb: { path: CHAT, finding: 'missing' }, sentinel: { path: '/x', finding: 'missing' } };
    const r = byId(accountRows(ctx(), m({ fda: verdict })));
    expect(r['full-disk-access']).toMatchObject({ status: 'unknown', actions: ['open-messages', 'open-settings', 'check-again'] });
    expect(r['chat-db']).toMatchObject({ status: 'unknown', actions: ['open-messages', 'check-again'] });
    expect(byId(accountRows(ctx(), m({ fda: verdict, customDbPath: true })))['chat-db']).toMatchObject({ status: 'denied', summary: `There is no file at ${CHAT}.` });
  });

  it('Automation: requested verdicts, and a newer imsg -1743 send error wins', () => {
    const at = '2026-03-01T09:00:00.000Z';
    const granted = byId(accountRows(ctx(), m({ automation: { status: 'granted', reason: 'allowed', at } }))).automation;
    expect(granted).toMatchObject({ status: 'granted', actions: [], checkedAt: at });
    const notRunning = byId(accountRows(ctx(), m({ automation: { status: 'unknown', reason: 'messages-not-running', at } }))).automation;
    expect(notRunning?.actions).toEqual(['open-messages', 'request-access']);
    const sendError = { message: 'send failed', at: '2026-03-01T09:10:00.000Z', cause: { kind: 'automation' as const, summary: 'no automation', detail: 'Not authorized to send Apple events (-1743)' } };
    const denied = byId(accountRows(ctx(), m({ automation: { status: 'granted', reason: 'allowed', at }, health: health({ lastError: sendError }) }))).automation;
    expect(denied).toMatchObject({ status: 'denied', actions: ['open-settings', 'request-access'], detail: 'Not authorized to send Apple events (-1743)' });
    const regranted = byId(accountRows(ctx(), m({ automation: { status: 'granted', reason: 'allowed', at: '2026-03-01T09:20:00.000Z' }, health: health({ lastError: sendError }) }))).automation;
    expect(regranted?.status).toBe('granted');
  });

  it('imsg missing or too old is denied with the fix as a step', () => {
    const missing: ProbeResult = { ok: false, fatal: false, error: 'imsg not found (imsg)', cause: { kind: 'not-found', summary: "The imsg program wasn't found.", fix: 'Install imsg.' }, durationMs: 1 };
    expect(byId(accountRows(ctx(), m({ probe: missing })))['imsg-binary']).toMatchObject({ status: 'denied', steps: ['Install imsg.', 'Check again.'], actions: ['check-again'] });
    const old: ProbeResult = { ok: false, fatal: true, binaryPath: '/usr/local/bin/imsg', rpcSupported: false, cause: { kind: 'rpc-unsupported', summary: 'too old', fix: 'brew upgrade imsg' }, durationMs: 1 };
    expect(byId(accountRows(ctx(), m({ probe: old })))['imsg-binary']).toMatchObject({ status: 'denied', actions: ['reveal-imsg', 'check-again'] });
    expect(byId(accountRows(ctx(), m({ probe: undefined })))['imsg-binary']).toMatchObject({ status: 'unknown', summary: 'Checking the imsg program…' });
  });
});

describe('accountRows elsewhere', () => {
  it('on Linux FDA and Automation are not applicable, imsg and chat.db still checked', () => {
    const rows = accountRows(ctx({ os: 'Linux', macos: false }), m({ fda: undefined, chatDb: { path: '/tmp/demo.db', finding: 'readable' }, customDbPath: true }));
    const r = byId(rows);
    for (const id of ['full-disk-access', 'automation']) {
      expect(r[id]).toMatchObject({ status: 'not-applicable', steps: [], actions: [] });
      expect(r[id]?.summary).toBe('This computer runs Linux; macOS privacy permissions only exist on a Mac. The demo uses the imsg simulator, which needs none.');
    }
    expect(r['imsg-binary']?.status).toBe('granted');
    expect(r['chat-db']).toMatchObject({ status: 'granted', detail: '/tmp/demo.db' });
    expect(() => accountRows(ctx({ os: 'Linux', macos: false }), m({ fda: undefined }))).toThrow(/chat.db check/);
  });

  it('an SSH-wrapped account names the remote Mac and never offers local settings', () => {
    const c = ctx({ remoteHost: 'bot@mini' });
    const r = byId(accountRows(c, m({ fda: undefined })));
    expect(r['full-disk-access']).toMatchObject({ status: 'granted', grantee: expect.stringContaining('sshd-keygen-wrapper') });
    expect(r.automation).toMatchObject({ status: 'unknown', actions: [] });
    expect(r['chat-db']?.status).toBe('not-applicable');
    const denied = byId(accountRows(c, m({ fda: undefined, probe: { ...okProbe, ok: false, cause: { kind: 'full-disk-access', summary: 'x' } } })))['full-disk-access'];
    expect(denied?.status).toBe('denied');
    expect(denied?.steps).toContain('Turn on "Allow full disk access for remote users".');
    expect(denied?.actions).toEqual(['check-again']);
    expect(denied?.summary).toBe("imsg running as mini (as bot) can't read the Messages history there: Full Disk Access is off for SSH.");
  });

  it('a bot user over SSH to this Mac: the advice names the user and this Mac', () => {
    const c = ctx({ remoteHost: 'bot@localhost' });
    const probe = { ...okProbe, ok: false, cause: { kind: 'full-disk-access' as const, summary: 'x' } };
    const r = byId(accountRows(c, m({ fda: undefined, probe })));
    expect(r['full-disk-access']?.summary).toBe("imsg running as the macOS user bot on this Mac can't read the Messages history there: Full Disk Access is off for SSH.");
    expect(r['full-disk-access']?.steps[0]).toBe('On this Mac, open System Settings → General → Sharing.');
    expect(r.automation?.summary).toBe('imsg runs over SSH as the macOS user bot on this Mac; Automation can only be checked there.');
    expect(r.automation?.steps).toEqual(['On this Mac, signed in as bot, open System Settings → Privacy & Security → Automation.', 'Turn on Messages under sshd-keygen-wrapper.']);
  });
});
