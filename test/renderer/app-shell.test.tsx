// @vitest-environment jsdom
// The popover frame: header, loading/error of the first snapshot, tabs and keyboard, transport states.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

describe('popover shell', () => {
  it('shows the overall state, its level for screen readers, and the version', async () => {
    api().ok('status:get', snapshot({ overall: { level: 'error', text: 'default: Full Disk Access is off' } }));
    renderApp('permissions');
    expect(await screen.findByText('default: Full Disk Access is off')).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain('Error: default: Full Disk Access is off');
    expect(screen.getByText('v0.1.0')).toBeTruthy();
    expect(document.querySelector('.dot-error')).not.toBeNull();
  });

  it('Pause in the header calls app:pause; a paused app offers Resume; a failure shows on the header', async () => {
    api().ok('status:get', snapshot());
    api().ok('app:pause', { paused: true });
    renderApp('permissions');
    await userEvent.click(await screen.findByRole('button', { name: 'Pause answering' }));
    expect(api().inputsOf('app:pause')).toEqual([{ paused: true }]);
    act(() => api().emit('snapshot', snapshot({ paused: true, overall: { level: 'idle', text: 'Paused: no messages are being answered' } })));
    expect(screen.getByText('Paused: no messages are being answered')).toBeTruthy();
    api().fail('app:pause', 'control socket closed', 'unavailable');
    await userEvent.click(screen.getByRole('button', { name: 'Resume answering' }));
    expect(api().inputsOf('app:pause')).toEqual([{ paused: true }, { paused: false }]);
    expect((await screen.findByRole('alert')).textContent).toContain('control socket closed');
  });

  it('shows loading until the first snapshot, then the section', async () => {
    const call = api().defer('status:get');
    renderApp('accounts');
    expect(screen.getByRole('status').textContent).toContain('Loading accounts');
    await act(async () => call.resolve({ ok: true, data: snapshot() }));
    expect(screen.getByRole('heading', { name: 'default' })).toBeTruthy();
  });

  it('shows a load error with Retry, and Retry asks again', async () => {
    api().fail('status:get', 'serve is not running', 'unavailable');
    renderApp('pairing');
    expect((await screen.findByRole('alert')).textContent).toContain('serve is not running');
    api().ok('status:get', snapshot());
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No pending requests')).toBeTruthy();
    expect(api().inputsOf('status:get')).toEqual([{}, {}]);
  });

  it('has five labelled tabs and moves between them with the arrow keys, Home and End', async () => {
    api().ok('status:get', snapshot());
    renderApp('permissions');
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['Permissions', 'Pairing', 'Accounts', 'Conversations', 'Settings']);
    const first = screen.getByRole('tab', { name: 'Permissions' });
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Permissions' })).toBeTruthy();
    first.focus();
    await userEvent.keyboard('{ArrowRight}');
    const pairing = screen.getByRole('tab', { name: 'Pairing' });
    expect(pairing.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(pairing);
    expect(screen.getByRole('tabpanel', { name: 'Pairing' })).toBeTruthy();
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Settings' }));
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(first);
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Home}');
    expect(first.getAttribute('aria-selected')).toBe('true');
    // Only the selected tab is in the Tab order; Tab goes on into the panel.
    expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toEqual([first]);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('tabpanel'));
  });

  it('selects a tab on click', async () => {
    api().ok('status:get', snapshot());
    renderApp('permissions');
    await userEvent.click(screen.getByRole('tab', { name: 'Accounts' }));
    expect(screen.getByRole('tabpanel', { name: 'Accounts' })).toBeTruthy();
  });

  it('re-checks permissions whenever the popover is shown, whatever section is open', async () => {
    api().ok('status:get', snapshot()).ok('permissions:check', { permissions: snapshot().permissions });
    renderApp('pairing');
    await screen.findByText('No pending requests');
    expect(api().inputsOf('permissions:check')).toEqual([]);
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    expect(api().inputsOf('permissions:check')).toEqual([{}]);
  });

  it('opens the section main asks for (ui:navigate)', async () => {
    api().ok('status:get', snapshot());
    renderApp('permissions');
    act(() => api().emit('ui:navigate', { section: 'pairing' }));
    expect(screen.getByRole('tab', { name: 'Pairing' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('tabpanel', { name: 'Pairing' })).toBeTruthy();
  });

  it('follows pushed snapshots in the header', async () => {
    api().ok('status:get', snapshot());
    renderApp('permissions');
    await screen.findByText('Watching default');
    act(() => api().emit('snapshot', snapshot({ overall: { level: 'warning', text: 'Starting default…' } })));
    expect(screen.getByText('Starting default…')).toBeTruthy();
  });

  it('says it is not connected while the stream is down and refetches the snapshot once it is back', async () => {
    api().ok('status:get', snapshot());
    renderApp('permissions');
    await screen.findByText('Watching default');
    act(() => api().setConnection('reconnecting'));
    expect(screen.getByText(/Not connected to imsg Companion/)).toBeTruthy();
    api().ok('status:get', snapshot({ overall: { level: 'ok', text: 'Back again' } }));
    await act(async () => api().setConnection('connected'));
    expect(screen.queryByText(/Not connected to imsg Companion/)).toBeNull();
    expect(await screen.findByText('Back again')).toBeTruthy();
    expect(api().inputsOf('status:get')).toHaveLength(2);
  });

  it('asks for the access link when the web transport is refused (401)', async () => {
    api().ok('status:get', snapshot());
    renderApp('permissions');
    act(() => api().setConnection('unauthorized'));
    expect(screen.getByRole('heading', { name: 'Access link needed' })).toBeTruthy();
    expect(screen.getByText(/Open the link printed by imsg-companion serve --web \(it contains the access token\)/)).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('unsubscribes from events on unmount', async () => {
    api().ok('status:get', snapshot());
    const view = renderApp('permissions');
    expect(api().listenerCount('snapshot')).toBe(1);
    view.unmount();
    expect(api().listenerCount('snapshot')).toBe(0);
  });
});
