// @vitest-environment jsdom
// Accounts section: the bound conversations (ACP) list with state and a Close button (bindings:close).
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { isoIn, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

describe('Accounts section: ACP bindings', () => {
  it('lists bound conversations with their state and error, and Close calls bindings:close', async () => {
    const since = isoIn(-60_000);
    api().ok(
      'status:get',
      snapshot({
        acp: {
          sessions: [
            { id: 'default/+15550001111', accountId: 'default', conversation: '+15550001111', agentId: 'codex', source: 'chat', state: 'idle', sessionId: 's1', since },
            { id: 'default/chat_id:7', accountId: 'default', conversation: 'chat_id:7', chatName: 'Builders', agentId: 'gone', label: 'builders', source: 'config', state: 'error', since, error: 'agent "gone" is not in agents.list' },
          ],
        },
      }),
    );
    api().ok('bindings:close', { id: 'default/+15550001111', source: 'chat', removed: true });
    renderApp('accounts');
    const dm = await screen.findByRole('article', { name: 'ACP binding default/+15550001111' });
    expect(within(dm).getByText('+15550001111 → codex')).toBeTruthy();
    expect(within(dm).getByText('Ready')).toBeTruthy();
    const group = screen.getByRole('article', { name: 'ACP binding default/chat_id:7' });
    expect(within(group).getByText('Builders → builders')).toBeTruthy();
    expect(within(group).getByText('Not running')).toBeTruthy();
    expect(within(group).getByText('agent "gone" is not in agents.list')).toBeTruthy();
    await userEvent.click(within(dm).getByRole('button', { name: 'Close default/+15550001111' }));
    expect(api().inputsOf('bindings:close')).toEqual([{ id: 'default/+15550001111' }]);
  });

  it('shows nothing when there are no bindings', async () => {
    api().ok('status:get', snapshot());
    renderApp('accounts');
    await screen.findAllByRole('article');
    expect(screen.queryByText('Bound conversations (ACP)')).toBeNull();
  });
});
