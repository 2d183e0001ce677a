// @vitest-environment jsdom
// Settings → Notifications → Quiet hours: turning them on writes the default window, off writes
// `enabled: false`, times write only the changed key, main's problems show under the control, and
// "Quiet now" comes from the snapshot's flag (the core decides it).
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SettingsView, Snapshot } from '../../electron/contract/views.js';
import { formatTimeOfDay } from '../../renderer/src/format/time.js';
import { settingsView, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();
const night = { enabled: true, start: '22:00', end: '07:00' };

async function show(quietHours?: SettingsView['quietHours'], notifications?: Snapshot['notifications']) {
  api()
    .ok('status:get', snapshot(notifications ? { notifications } : {}))
    .ok('settings:get', settingsView(quietHours ? { quietHours } : {}))
    .ok('app:login-item', { supported: true, enabled: false, status: 'not-registered' });
  renderApp('settings');
  return (await screen.findByRole('switch', { name: /Quiet hours/ })) as HTMLInputElement;
}

describe('Quiet hours field', () => {
  it('is off without config; turning it on writes the default window and says "Saved"', async () => {
    const sw = await show();
    expect(sw.checked).toBe(false);
    expect(screen.queryByLabelText('From')).toBeNull();
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView({ quietHours: night }));
    await userEvent.click(sw);
    expect(api().inputsOf('config:set')).toEqual([{ key: 'notifications.quietHours', value: { start: '22:00', end: '07:00' } }]);
    expect(((await screen.findByLabelText('From')) as HTMLInputElement).value).toBe('22:00');
    expect((screen.getByLabelText('until') as HTMLInputElement).value).toBe('07:00');
    expect(screen.getByText(/Saved/)).toBeTruthy();
  });

  it('turning it off writes enabled: false and keeps the times in the file', async () => {
    const sw = await show(night);
    expect(sw.checked).toBe(true);
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView({ quietHours: { ...night, enabled: false } }));
    await userEvent.click(sw);
    expect(api().inputsOf('config:set')).toEqual([{ key: 'notifications.quietHours.enabled', value: false }]);
  });

  it('Save writes only the time that changed; main\'s problem shows under the control, cleared by the next good save', async () => {
    await show(night);
    const save = screen.getByRole('button', { name: 'Save quiet hours' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('until'), { target: { value: '06:30' } });
    api().ok('config:set', { ok: false, issues: [{ path: 'notifications.quietHours.end', message: 'expected a 24-hour time like "22:00"' }] });
    await userEvent.click(save);
    expect(api().inputsOf('config:set')).toEqual([{ key: 'notifications.quietHours.end', value: '06:30' }]);
    expect(screen.getByRole('alert').textContent).toBe('expected a 24-hour time like "22:00"');
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView({ quietHours: { ...night, end: '06:30' } }));
    await userEvent.click(save);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/Saved/)).toBeTruthy();
  });

  it('says when quiet hours apply now (from the snapshot), and when equal times mean never', async () => {
    await show(night, { quiet: true, quietHours: { start: '22:00', end: '07:00' } });
    expect(screen.getByText(`Quiet now: notifications are held until ${formatTimeOfDay('07:00')}.`)).toBeTruthy();
    cleanup();
    await show({ enabled: true, start: '08:00', end: '08:00' }, { quiet: false });
    expect(screen.getByText(/quiet hours never apply/)).toBeTruthy();
    expect(screen.queryByText(/Quiet now/)).toBeNull();
  });

  it('shows config times in the reader\'s clock style and leaves anything else as written', () => {
    expect(formatTimeOfDay('22:00')).toMatch(/^(22:00|10:00\s?PM)$/);
    expect(formatTimeOfDay('7:00')).toBe('7:00');
  });
});
