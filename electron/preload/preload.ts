// The sandboxed preload: exposes `window.imsgCompanion = { call, on }` and nothing else
// (macos-electron §2.1 #20). Bundled into ONE CommonJS file because a sandboxed preload can only
// require `electron` (electron:docs/tutorial/sandbox.md); type-only contract imports keep zod out.
// Keep in sync with renderer/src/api/types.ts `CompanionApi` (both derive from the contract types).
import { contextBridge, ipcRenderer } from 'electron';
import type { EventName, EventPayload, VerbInput, VerbName, VerbOutput, VerbResult } from '../contract/channels.js';
import { eventChannel, isEventNameListed, isVerbNameListed, verbChannel } from '../contract/names.js';

/** What the renderer sees as `window.imsgCompanion`. */
export interface CompanionBridge {
  /** Run one contract verb; never throws, errors come back as `{ ok: false }`. */
  call<V extends VerbName>(verb: V, input: VerbInput<V>): Promise<VerbResult<VerbOutput<V>>>;
  /** Subscribe to a pushed event (payload only, never the IpcRendererEvent); returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The part of `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const failure = (code: 'unknown-verb' | 'failed', message: string) => ({ ok: false as const, error: { code, message } });

/** Build the bridge over `ipc`; names outside the contract are refused here already. */
export function createBridge(ipc: IpcRendererLike): CompanionBridge {
  const call = async (verb: unknown, input: unknown): Promise<VerbResult<unknown>> => {
    if (!isVerbNameListed(verb)) return failure('unknown-verb', `unknown verb: ${String(verb).slice(0, 64)}`);
    try {
      return (await ipc.invoke(verbChannel(verb), input)) as VerbResult<unknown>;
    } catch (err) {
      // Only a missing handler or a crashed main gets here: main's wrapper itself never throws.
      return failure('failed', err instanceof Error ? err.message : String(err));
    }
  };
  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventNameListed(event)) throw new TypeError(`unknown event: ${String(event).slice(0, 64)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const channel = eventChannel(event);
    const strip = (_event: unknown, payload: unknown): void => void listener(payload);
    ipc.on(channel, strip);
    return () => void ipc.removeListener(channel, strip);
  };
  return Object.freeze({ call, on }) as CompanionBridge;
}

contextBridge.exposeInMainWorld('imsgCompanion', createBridge(ipcRenderer));
