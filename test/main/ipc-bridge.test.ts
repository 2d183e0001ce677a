// @vitest-environment node
// The one IPC wrapper: sender frame, origin and webContents id are all checked before zod runs.
import { describe, expect, it, vi } from 'vitest';
import { VERB_NAMES, verbChannel } from '../../electron/contract/names.js';
import { registerVerbs } from '../../electron/main/ipc-bridge.js';
import type { SenderEvent } from '../../electron/main/sender-check.js';
import { TrustedSenders } from '../../electron/main/trusted-senders.js';
import { createFakeElectron, FakeWebContents } from './fake-electron.js';
import { stubHandlers } from './helpers.js';

function setup() {
  const fake = createFakeElectron();
  const handlers = stubHandlers();
  const trusted = new TrustedSenders();
  const window = new FakeWebContents();
  trusted.add(window);
  const warn = vi.fn();
  const off = registerVerbs({ ipcMain: fake.ipcMain, handlers, trusted, warn });
  const invoke = (verb: string, event: SenderEvent, input: unknown) => {
    const handler = fake.ipcMain.handlers.get(verbChannel(verb as never));
    if (!handler) throw new Error(`no handler for ${verb}`);
    return handler(event, input);
  };
  const event = (over: Partial<{ id: number; url: string; parent: unknown; frame: null }> = {}): SenderEvent => ({
    sender: { id: over.id ?? window.id },
    senderFrame: 'frame' in over ? null : { url: over.url ?? 'app://ui/index.html', parent: over.parent ?? null },
  });
  return { fake, handlers, trusted, window, warn, off, invoke, event };
}

describe('registerVerbs', () => {
  it('registers one namespaced channel per contract verb and removes them again', () => {
    const { fake, off } = setup();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(VERB_NAMES.map((v) => `imsg:verb:${v}`).sort());
    off();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('runs the verb for our own top frame in a registered window', async () => {
    const { handlers, invoke, event } = setup();
    const result = await invoke('pairing:approve', event(), { code: 'K7QX2M' });
    expect(result).toEqual({ ok: true, data: { verb: 'pairing:approve', input: { code: 'K7QX2M' } } });
    expect(handlers['pairing:approve']).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a null sender frame (navigated away)', { frame: null as null }],
    ['a sub-frame', { parent: { url: 'app://ui/index.html' } }],
    ['app://evil', { url: 'app://evil/index.html' }],
    ['https://example.com', { url: 'https://example.com/' }],
    ['a lookalike host app://ui.evil', { url: 'app://ui.evil/index.html' }],
    ['credentials in the URL app://ui@evil', { url: 'app://ui@evil/index.html' }],
    ['file://', { url: 'file:///Applications/imsg%20Companion.app/index.html' }],
    ['an unregistered webContents id', { id: 9_999 }],
  ])('refuses %s without running the handler', async (_name, over) => {
    const { handlers, invoke, event, warn } = setup();
    const result = await invoke('pairing:approve', event(over), { code: 'K7QX2M' });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(handlers['pairing:approve']).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused IPC pairing:approve'));
  });

  it('refuses a window once its webContents is destroyed', async () => {
    const { invoke, event, window, handlers } = setup();
    window.destroy();
    expect(await invoke('status:get', event(), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['status:get']).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing code', {}],
    ['a code of the wrong type', { code: 42 }],
    ['an unknown extra field', { code: 'K7QX2M', admin: true }],
    ['an over-long code', { code: 'x'.repeat(65) }],
  ])('rejects %s with the contract schema (invalid-input)', async (_name, input) => {
    const { handlers, invoke, event } = setup();
    const result = await invoke('pairing:approve', event(), input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(handlers['pairing:approve']).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an error result instead of a rejection', async () => {
    const { handlers, invoke, event } = setup();
    handlers['app:pause'].mockRejectedValueOnce(new Error('disk full'));
    expect(await invoke('app:pause', event(), { paused: true })).toEqual({ ok: false, error: { code: 'failed', message: 'disk full' } });
  });
});
