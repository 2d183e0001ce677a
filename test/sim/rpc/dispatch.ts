// Method table of imsg 0.9.0 (spec §3) and the dispatcher that maps failures to JSON-RPC errors.
import { bridgeOnly, CHAT_TARGET_BRIDGE_METHODS, chatsCreate, read, typing } from './methods-bridge.js';
import { chatsList, messagesHistory } from './methods-read.js';
import { send } from './methods-send.js';
import { watchSubscribe, watchUnsubscribe } from './methods-watch.js';
import { GENERIC_SQLITE_ERROR_TEXT, RPC_CODE, RpcError } from './errors.js';
import type { Method, MethodContext } from './method-context.js';
import type { Params } from './params.js';

/** `kSupportedRPCMethods`, in imsg's order (also `imsg status --json` → rpc_methods). */
export const RPC_METHODS = [
  'chats.list', 'chats.create', 'chats.delete', 'chats.markUnread', 'messages.history', 'watch.subscribe',
  'watch.unsubscribe', 'send', 'send.rich', 'send.attachment', 'tapback', 'typing', 'read', 'message.edit',
  'message.unsend', 'message.delete', 'message.notifyAnyways', 'group.rename', 'group.setIcon',
  'group.addParticipant', 'group.removeParticipant', 'group.leave',
] as const;

// A Map, not an object literal: `toString` or `__proto__` must be "Method not found", not a prototype hit.
const METHODS = new Map<string, Method>([
  ['chats.list', chatsList],
  ['messages.history', messagesHistory],
  ['watch.subscribe', watchSubscribe],
  ['watch.unsubscribe', watchUnsubscribe],
  ['send', send],
  ['typing', typing],
  ['read', read],
  ['chats.create', chatsCreate],
  ...CHAT_TARGET_BRIDGE_METHODS.map((name): [string, Method] => [name, bridgeOnly]),
]);

/** True for a method name imsg 0.9.0 knows. */
export function isKnownMethod(method: string): boolean {
  return METHODS.has(method);
}

/** Run `method`; resolves to its result or rejects with an RpcError (non-RPC errors become -32603). */
export async function dispatch(method: string, params: Params, ctx: MethodContext): Promise<unknown> {
  const handler = METHODS.get(method);
  if (!handler) throw new RpcError(RPC_CODE.methodNotFound, method);
  try {
    return await handler(params, ctx);
  } catch (err) {
    if (err instanceof RpcError) throw err;
    // SQLite.swift errors reach imsg's handler as Foundation's generic description (spec §2.3).
    throw new RpcError(RPC_CODE.internalError, GENERIC_SQLITE_ERROR_TEXT);
  }
}
