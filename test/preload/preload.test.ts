// @vitest-environment node
// The preload exposes exactly { call, on } on window.imsgCompanion, for contract names only.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../main/fake-electron.js';

const fake = createFakeElectron();
vi.mock('electron', () => fake);

type Bridge = { call(verb: string, input: unknown): Promise<unknown>; on(event: string, listener: (payload: unknown) => void): () => void };
let bridge: Bridge;

beforeAll(async () => {
  await import('../../electron/preload/preload.js');
  bridge = fake.contextBridge.exposed.get('imsgCompanion') as Bridge;
});

describe('preload', () => {
  it('exposes one frozen object with exactly call and on, and nothing else', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['imsgCompanion']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('call invokes the verb channel with the input and returns main\'s result', async () => {
    fake.ipcRenderer.reply = async (channel) => ({ ok: true, data: { channel } });
    expect(await bridge.call('pairing:approve', { code: 'K7QX2M' })).toEqual({ ok: true, data: { channel: 'imsg:verb:pairing:approve' } });
    expect(fake.ipcRenderer.invoked.at(-1)).toEqual(['imsg:verb:pairing:approve', [{ code: 'K7QX2M' }]]);
  });

  it('call refuses names outside the contract without touching IPC', async () => {
    const before = fake.ipcRenderer.invoked.length;
    for (const verb of ['pairing:steal', 'toString', '__proto__', '']) expect(await bridge.call(verb, {})).toMatchObject({ ok: false, error: { code: 'unknown-verb' } });
    expect(fake.ipcRenderer.invoked.length).toBe(before);
  });

  it('call never rejects: an IPC failure becomes an error result', async () => {
    fake.ipcRenderer.reply = async () => Promise.reject(new Error("No handler registered for 'imsg:verb:status:get'"));
    expect(await bridge.call('status:get', {})).toEqual({ ok: false, error: { code: 'failed', message: "No handler registered for 'imsg:verb:status:get'" } });
  });

  it('on delivers the payload only (no IpcRendererEvent) and unsubscribes', () => {
    const listener = vi.fn();
    const off = bridge.on('snapshot', listener);
    fake.ipcRenderer.emit('imsg:event:snapshot', { sender: 'ipc-event-object', ports: [] }, { version: '1' });
    expect(listener).toHaveBeenCalledWith({ version: '1' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    fake.ipcRenderer.emit('imsg:event:snapshot', {}, { version: '2' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.ipcRenderer.listenerCount('imsg:event:snapshot')).toBe(0);
  });

  it('on refuses unknown events and non-function listeners', () => {
    expect(() => bridge.on('imsg:verb:status:get', () => undefined)).toThrow(/unknown event/);
    expect(() => bridge.on('ui:navigate', 'nope' as never)).toThrow(/function/);
    expect(fake.ipcRenderer.eventNames()).toEqual([]);
  });
});
