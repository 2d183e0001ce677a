// @vitest-environment jsdom
// Opens where attention is; the header is a button to it and wraps; offline disables actions;
// new requests and health changes are announced politely; handles wrap at sensible points.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Handle } from '../../renderer/src/components/handle.js';
import { attentionTarget } from '../../renderer/src/format/attention.js';
import { account, pending, permission, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

describe('Attention', () => {
  it('opens on Pairing when a stranger waits', async () => {
    api().ok('status:get', snapshot({ permissions: [permission({ status: 'granted' })], pairing: { pending: [pending()], approved: [] }, overall: { level: 'warning', text: '1 pairing request to approve' } }));
    renderApp();
    expect(await screen.findByRole('tabpanel', { name: 'Pairing' })).toBeTruthy();
  });

  it('opens on the failing account row, and the header button goes back there', async () => {
    const failing = account({ health: { state: 'fatal', healthy: false, lastError: { message: 'x', at: new Date().toISOString(), cause: { kind: 'timeout', summary: 'imsg did not answer' } } } });
    api().ok('status:get', snapshot({ permissions: [permission({ status: 'granted' })], accounts: [failing], overall: { level: 'error', text: 'default: imsg did not answer, and this long line must wrap instead of being cut off at the popover width' } }));
    renderApp();
    expect(await screen.findByRole('tabpanel', { name: 'Accounts' })).toBeTruthy();
    await userEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    const header = screen.getByRole('button', { name: /imsg did not answer/ });
    expect(header.textContent).toContain('must wrap instead of being cut off');
    await userEvent.click(header);
    expect(screen.getByRole('tabpanel', { name: 'Accounts' })).toBeTruthy();
  });

  it('computes targets in order of urgency', () => {
    expect(attentionTarget(snapshot({ setup: { needed: true, reason: '', configPath: '/c' } }))?.section).toBe('guide');
    expect(attentionTarget(snapshot({ permissions: [permission({ id: 'automation', status: 'not-determined' })] }))).toEqual({ section: 'permissions', rowId: 'perm-row-default-automation' });
    expect(attentionTarget(snapshot({ permissions: [], agents: { list: [{ agentId: 'main', type: 'openai', default: true, health: { state: 'failing', waiting: 2 } }] } }))).toEqual({ section: 'settings', rowId: 'agent-row-main' });
    expect(attentionTarget(snapshot({ permissions: [] }))).toBeNull();
  });
});

describe('Disconnected', () => {
  it('says so in the header and disables the actions until the connection is back', async () => {
    api().ok('status:get', snapshot({ permissions: [], pairing: { pending: [pending()], approved: [] } }));
    renderApp('pairing');
    const approve = (await screen.findByRole('button', { name: 'Approve +15551230000' })) as HTMLButtonElement;
    act(() => api().setConnection('reconnecting'));
    expect(screen.getByText(/Not connected to imsg Companion/)).toBeTruthy();
    expect(approve.closest('fieldset')?.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Pause answering' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => api().setConnection('connected'));
    expect(approve.closest('fieldset')?.disabled).toBe(false);
  });
});

describe('Announcements', () => {
  it('announces a new pairing request and a change of state, politely', async () => {
    api().ok('status:get', snapshot({ permissions: [] }));
    renderApp('permissions');
    const live = await screen.findByTestId('announcer');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('');
    act(() => api().emit('snapshot', snapshot({ permissions: [], pairing: { pending: [pending()], approved: [] } })));
    expect(live.textContent).toContain('New pairing request from +15551230000');
    act(() => api().emit('snapshot', snapshot({ permissions: [], pairing: { pending: [pending()], approved: [] }, overall: { level: 'error', text: 'default: imsg stopped' } })));
    expect(live.textContent).toContain('Status: default: imsg stopped');
  });
});

describe('Handle', () => {
  it('offers line breaks only after @ and dots, never inside digits', () => {
    const { container } = render(<Handle value="first.last@example.com" />);
    expect(container.querySelectorAll('wbr')).toHaveLength(3);
    expect(container.textContent).toBe('first.last@example.com');
    const phone = render(<Handle value="+15551234567" />);
    expect(phone.container.querySelectorAll('wbr')).toHaveLength(0);
  });
});
