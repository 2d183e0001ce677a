// @vitest-environment node
// Notifications: Approve/Deny call the pairing verbs with that request's code; clicks open sections.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { VerbResult } from '../../electron/contract/channels.js';
import { snapshotNotices } from '../../electron/main/notices.js';
import { Notifier } from '../../electron/main/notifier.js';
import { FakeNotification } from './fake-electron.js';
import { account, pairingRequest, permission, snapshot } from './helpers.js';

beforeEach(() => void FakeNotification.all.splice(0));

function notifier(result: VerbResult<unknown> = { ok: true, data: {} }) {
  const decide = vi.fn(async () => result);
  const open = vi.fn();
  const n = new Notifier({ create: (options) => new FakeNotification(options), decide, open });
  return { n, decide, open };
}
const last = (): FakeNotification => {
  const note = FakeNotification.all.at(-1);
  if (!note) throw new Error('nothing shown');
  return note;
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Notifier.pairingRequest', () => {
  it('shows the request with Approve and Deny buttons', () => {
    const { n } = notifier();
    n.pairingRequest(pairingRequest('K7QX2M', 'work', '+15550001111'));
    const note = last();
    expect(note.shown).toBe(true);
    expect(note.options.actions).toEqual([
      { type: 'button', text: 'Approve' },
      { type: 'button', text: 'Deny' },
    ]);
    expect(note.options.body).toContain('+15550001111');
    expect(note.options.body).toContain('K7QX2M');
  });

  it('Approve calls pairing:approve with that code and account; Deny calls pairing:deny with that code', async () => {
    const { n, decide } = notifier();
    n.pairingRequest(pairingRequest('AAAA11', 'work'));
    const first = last();
    n.pairingRequest(pairingRequest('BBBB22', 'home'));
    const second = last();
    second.emit('action', { actionIndex: 1 });
    first.emit('action', { actionIndex: 0 });
    await settle();
    expect(decide.mock.calls).toEqual([
      ['pairing:deny', { code: 'BBBB22' }],
      ['pairing:approve', { code: 'AAAA11', accountId: 'work' }],
    ]);
  });

  it('ignores unknown action indexes, opens Pairing on click, and on a failed decision', async () => {
    const { n, decide, open } = notifier({ ok: false, error: { code: 'not-found', message: 'expired' } });
    n.pairingRequest(pairingRequest());
    last().emit('action', { actionIndex: 7 });
    expect(decide).not.toHaveBeenCalled();
    last().emit('click');
    expect(open).toHaveBeenCalledWith('pairing');
    last().emit('action', { actionIndex: 0 });
    await settle();
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('snapshot notices', () => {
  it('notifies an account that starts failing once, and opens Accounts on click', () => {
    const { n, open } = notifier();
    n.snapshot(snapshot());
    expect(FakeNotification.all).toHaveLength(0);
    n.snapshot(snapshot({ accounts: [account('default', 'fatal')] }));
    expect(last().options).toMatchObject({ id: 'account-failed:default', title: 'Account default stopped working', body: 'Full Disk Access is missing. Grant it in System Settings.' });
    n.snapshot(snapshot({ accounts: [account('default', 'fatal')] }));
    expect(FakeNotification.all).toHaveLength(1);
    last().emit('click');
    expect(open).toHaveBeenCalledWith('accounts');
  });

  it('notifies a permission that goes from granted to denied, not one that was never granted', () => {
    expect(snapshotNotices(undefined, snapshot({ permissions: [permission('full-disk-access', 'denied')] }))).toEqual([]);
    const before = snapshot({ permissions: [permission('full-disk-access', 'granted'), permission('automation', 'not-determined')] });
    const after = snapshot({ permissions: [permission('full-disk-access', 'denied'), permission('automation', 'denied')] });
    expect(snapshotNotices(before, after)).toEqual([{ id: 'permission-lost:full-disk-access:default', title: 'Full Disk Access: access was removed', body: 'full-disk-access is denied.', section: 'permissions' }]);
  });

  it('treats a failing account at launch as news', () => {
    expect(snapshotNotices(undefined, snapshot({ accounts: [account('a', 'fatal'), account('b')] })).map((n) => n.id)).toEqual(['account-failed:a']);
  });
});

describe('quiet hours (snapshot notifications.quiet)', () => {
  const quiet = { notifications: { quiet: true, quietHours: { start: '22:00', end: '07:00' } } };
  const awake = { notifications: { quiet: false, quietHours: { start: '22:00', end: '07:00' } } };

  it('shows nothing while quiet, then one summary of the requests still pending and the problem still there', () => {
    const { n, open } = notifier();
    n.snapshot(snapshot(quiet));
    n.pairingRequest(pairingRequest('AAAA11'));
    n.pairingRequest(pairingRequest('BBBB22'));
    n.pairingRequest(pairingRequest('CCCC33'));
    n.snapshot(snapshot({ ...quiet, accounts: [account('default', 'fatal')] }));
    expect(FakeNotification.all).toHaveLength(0);
    // CCCC33 was approved from the tray during the night: it is not in the summary.
    const pending = [pairingRequest('AAAA11'), pairingRequest('BBBB22')];
    n.snapshot(snapshot({ ...awake, accounts: [account('default', 'fatal')], pairing: { pending, approved: [] }, overall: { level: 'error', text: 'default: Full Disk Access is missing' } }));
    expect(FakeNotification.all).toHaveLength(1);
    expect(last().options).toMatchObject({ id: 'quiet-summary', title: 'While quiet hours were on', body: '2 pairing requests are waiting for you. Now: default: Full Disk Access is missing' });
    last().emit('click');
    expect(open).toHaveBeenCalledWith('pairing');
    // Said once: the next snapshot shows nothing more, and the next request is notified as usual.
    n.snapshot(snapshot({ ...awake, accounts: [account('default', 'fatal')], pairing: { pending, approved: [] } }));
    n.pairingRequest(pairingRequest('DDDD44'));
    expect(FakeNotification.all.map((note) => note.options.title)).toEqual(['While quiet hours were on', 'New pairing request']);
  });

  it('an app restarted during quiet hours still sums up the requests that came in the window before the restart', () => {
    // The window (22:00–07:00) began at 22:00 on the core's clock; this run started inside it.
    const { n } = notifier();
    const quietSince = '2026-12-02T22:00:00.000Z';
    const atNight = { ...pairingRequest('NIGHT1', 'default', '+15550000001'), createdAt: '2026-12-03T01:00:00.000Z' };
    const evening = { ...pairingRequest('EVEN22', 'default', '+15550000002'), createdAt: '2026-12-02T20:00:00.000Z' };
    const pending = [evening, atNight];
    n.snapshot(snapshot({ notifications: { ...quiet.notifications, quietSince }, pairing: { pending, approved: [] } }));
    expect(FakeNotification.all).toHaveLength(0);
    n.snapshot(snapshot({ notifications: { ...awake.notifications, quietSince }, pairing: { pending, approved: [] } }));
    // The evening request was notified by the earlier run before the window began: only the night one counts.
    expect(FakeNotification.all.map((x) => [x.options.id, x.options.body])).toEqual([['quiet-summary', '1 pairing request is waiting for you.']]);
  });

  it('no summary when everything held back was resolved during quiet hours', () => {
    const { n } = notifier();
    n.snapshot(snapshot(quiet));
    n.pairingRequest(pairingRequest('AAAA11'));
    n.snapshot(snapshot({ ...quiet, accounts: [account('default', 'fatal')] }));
    n.snapshot(snapshot(awake));
    expect(FakeNotification.all).toHaveLength(0);
  });
});
