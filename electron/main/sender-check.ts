// The single sender check every IPC call goes through (macos-electron §2.1 #17).
import { isAppUrl } from './app-origin.js';
import type { TrustedSenders } from './trusted-senders.js';

/** The parts of an IpcMainInvokeEvent the check reads. */
export interface SenderEvent {
  readonly sender: { readonly id: number };
  /** Null after the frame navigated away or was destroyed (docs/api/structures/ipc-main-invoke-event.md). */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * Why a message must be refused, or undefined when it comes from our own top frame in a window
 * we created. Every condition is required: a registered id alone would trust a sub-frame, and
 * an origin alone would trust any webContents that managed to load app://.
 */
export function senderProblem(event: SenderEvent, trusted: TrustedSenders): string | undefined {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return 'sender frame is gone (navigated or destroyed)';
  if (frame.parent !== null) return 'sender is a sub-frame';
  if (!isAppUrl(frame.url)) return `sender origin is not the app (${String(frame.url).slice(0, 80)})`;
  if (!trusted.has(event.sender.id)) return `webContents ${event.sender.id} was not created by the app`;
  return undefined;
}
