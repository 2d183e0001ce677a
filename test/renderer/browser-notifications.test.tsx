// @vitest-environment jsdom
// Browser notifications (web mode): new requests and failures are notified, none during quiet hours
// (the snapshot's notifications.quiet), and one summary when they end if something still waits.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTIFY_PREF_KEY, useBrowserNotifications } from '../../renderer/src/hooks/use-browser-notifications.js';
import { resetStores } from '../../renderer/src/stores/reset.js';
import { useSnapshotStore } from '../../renderer/src/stores/snapshot-store.js';
import { pending, snapshot } from './fixtures.js';

const shown: { title: string; body?: string }[] = [];

class FakeNotification {
  static permission = 'granted';
  constructor(title: string, options: { body?: string } = {}) {
    shown.push({ title, body: options.body });
  }
}

function Probe() {
  useBrowserNotifications(true);
  return null;
}

const quiet = { notifications: { quiet: true, quietHours: { start: '22:00', end: '07:00' } } };
const awake = { notifications: { quiet: false, quietHours: { start: '22:00', end: '07:00' } } };
const push = (over: Parameters<typeof snapshot>[0]) => act(() => useSnapshotStore.getState().apply(snapshot(over)));

beforeEach(() => {
  shown.splice(0);
  resetStores();
  vi.stubGlobal('Notification', FakeNotification);
  localStorage.setItem(NOTIFY_PREF_KEY, 'on');
  render(<Probe />);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('useBrowserNotifications', () => {
  it('notifies a new request and a change into error when not quiet', () => {
    push(awake);
    push({ ...awake, pairing: { pending: [pending({ code: 'AAAA1111', contactName: 'Carol Diaz' })], approved: [] } });
    push({ ...awake, overall: { level: 'error', text: 'default: Full Disk Access is missing' } });
    expect(shown).toEqual([
      { title: 'New pairing request', body: 'Carol Diaz wants to talk to your assistant.' },
      { title: 'imsg Companion needs you', body: 'default: Full Disk Access is missing' },
    ]);
  });

  it('holds them during quiet hours and sums up what still waits when they end', () => {
    push(quiet);
    const requests = [pending({ code: 'AAAA1111' }), pending({ id: '+15551239999', code: 'BBBB2222', meta: { sender: '+15551239999' } })];
    push({ ...quiet, pairing: { pending: requests, approved: [] } });
    push({ ...quiet, pairing: { pending: requests, approved: [] }, overall: { level: 'error', text: 'default: imsg stopped' } });
    expect(shown).toEqual([]);
    push({ ...awake, pairing: { pending: requests.slice(0, 1), approved: [] }, overall: { level: 'error', text: 'default: imsg stopped' } });
    expect(shown).toEqual([{ title: 'While quiet hours were on', body: '1 pairing request is waiting for you. Now: default: imsg stopped' }]);
    push({ ...awake, pairing: { pending: requests.slice(0, 1), approved: [] }, overall: { level: 'error', text: 'default: imsg stopped' } });
    expect(shown).toHaveLength(1);
  });

  it('a page opened during quiet hours still sums up the requests that came since the window began', () => {
    const quietSince = '2026-12-02T22:00:00.000Z';
    const night = pending({ code: 'NIGHT111', createdAt: '2026-12-03T01:00:00.000Z' });
    const before = pending({ id: '+15551239999', code: 'EVEN2222', createdAt: '2026-12-02T20:00:00.000Z', meta: { sender: '+15551239999' } });
    push({ notifications: { ...quiet.notifications, quietSince }, pairing: { pending: [before, night], approved: [] } });
    push({ notifications: { ...quiet.notifications, quietSince }, pairing: { pending: [before, night], approved: [] } });
    expect(shown).toEqual([]);
    push({ notifications: { ...awake.notifications, quietSince }, pairing: { pending: [before, night], approved: [] } });
    expect(shown).toEqual([{ title: 'While quiet hours were on', body: '1 pairing request is waiting for you.' }]);
  });

  it('no summary when what was held back was dealt with in the page meanwhile', () => {
    push(quiet);
    push({ ...quiet, pairing: { pending: [pending()], approved: [] } });
    push(awake);
    expect(shown).toEqual([]);
  });
});
