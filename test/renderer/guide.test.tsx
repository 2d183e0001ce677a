// @vitest-environment jsdom
// The first-run guide: opens by itself in setup mode, walks imsg → FDA → Automation (test message)
// → agent preset + Test agent → who may talk ("Anyone" writes the "*") → the live result.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { message, permission, settingsView, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

const setup = snapshot({
  overall: { level: 'setup', text: 'Not set up: no config yet' },
  setup: { needed: true, reason: 'no config file at /Users/me/.imsg-companion/config.json5', configPath: '/Users/me/.imsg-companion/config.json5' },
  permissions: [
    permission({ id: 'imsg-binary', status: 'denied', title: 'imsg', summary: "The imsg program wasn't found.", actions: ['check-again'], grantee: undefined, steps: ['Install imsg.'] }),
    permission(),
  ],
});
const empty = settingsView({ exists: false, agent: null, agents: [], allowFrom: [] });

async function showGuide() {
  api().ok('status:get', setup).ok('settings:get', empty).ok('messages:list', { messages: [] });
  renderApp();
  return screen.findByRole('heading', { name: 'Set up imsg Companion' });
}

const step = (name: RegExp) => screen.getAllByRole('listitem', { name })[0] as HTMLElement;

describe('First-run guide', () => {
  it('opens by itself in setup mode and shows the six steps with their states', async () => {
    await showGuide();
    expect(screen.getByText(/Nothing is answered yet/)).toBeTruthy();
    expect(within(step(/Install imsg/)).getByText('Needs you')).toBeTruthy();
    expect(within(step(/Install imsg/)).getByText('brew install steipete/tap/imsg')).toBeTruthy();
    expect(within(step(/Allow Full Disk Access/)).getByText('imsg Companion.app')).toBeTruthy();
    expect(step(/Allow sending/)).toBeTruthy();
    expect(step(/Choose who answers/)).toBeTruthy();
    expect(step(/Who may talk/)).toBeTruthy();
    expect(within(step(/Text this Mac/)).getByText('Waiting for a message…')).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('sends a test message to yourself', async () => {
    await showGuide();
    api().ok('send', { accountId: 'default', sent: [{ messageId: '1', params: {} }] });
    await userEvent.type(screen.getByRole('textbox', { name: 'Your own phone number or Apple ID email' }), '+15550001111');
    await userEvent.click(screen.getByRole('button', { name: 'Send a test message to myself' }));
    expect(api().inputsOf('send')).toEqual([{ to: '+15550001111', text: 'Test from imsg Companion: sending works.' }]);
    expect(within(step(/Allow sending/)).getByRole('status').textContent).toContain('Sent to +15550001111');
  });

  it('writes an agent preset, then tests the agent and shows its reply', async () => {
    await showGuide();
    const withAgent = settingsView({ agents: [{ index: 0, id: 'main', default: true, backend: { type: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' } }] });
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', withAgent);
    await userEvent.click(screen.getByRole('button', { name: 'Ollama (on this Mac)' }));
    expect(api().inputsOf('config:set')).toEqual([{ key: 'agents.list', value: [{ id: 'main', default: true, backend: { type: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' } }] }]);
    api().ok('agents:test', { ok: true, reply: 'Hi! I am here.', durationMs: 800 });
    await userEvent.click(await screen.findByRole('button', { name: 'Test agent main' }));
    expect(within(step(/Choose who answers/)).getByText(/Hi! I am here\./)).toBeTruthy();
  });

  it('"Anyone" writes the "*" for you; "Only these numbers" checks the handles first', async () => {
    await showGuide();
    const who = step(/Who may talk/);
    await userEvent.click(within(who).getByRole('radio', { name: /Only these numbers/ }));
    await userEvent.type(within(who).getByRole('textbox'), 'nope');
    expect(within(who).getByRole('alert').textContent).toMatch(/not a phone number/);
    expect((within(who).getByRole('button', { name: 'Save choice' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(within(who).getByRole('radio', { name: /Anyone/ }));
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView({ dmPolicy: 'open', allowFrom: ['*'] }));
    await userEvent.click(within(who).getByRole('button', { name: 'Save choice' }));
    expect(api().inputsOf('config:set')).toEqual([
      { key: 'channels.imessage.allowFrom', value: ['*'] },
      { key: 'channels.imessage.dmPolicy', value: 'open' },
    ]);
  });

  it('shows the live result of the first message, and can be closed (it stays closed)', async () => {
    await showGuide();
    api().ok('messages:list', { messages: [message({ text: 'hello from my phone', replies: ['Hi!'] })] });
    act(() => api().emit('activity', { id: 'a1', at: new Date().toISOString(), accountId: 'default', kind: 'inbound', decision: 'dispatch' }));
    expect(await screen.findByText(/It works/)).toBeTruthy();
    expect(within(step(/Text this Mac/)).getByText('Answered')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Close guide' }));
    expect(screen.getByRole('tablist')).toBeTruthy();
    act(() => api().emit('snapshot', setup));
    expect(screen.queryByRole('heading', { name: 'Set up imsg Companion' })).toBeNull();
  });
});
