// `send` over RPC (spec §3.5): validation, then the AppleScript-path result.
import type { Method } from './method-context.js';
import { executeSend } from './send-exec.js';
import { planSend } from './send-plan.js';

/** `send` → `{ok:true, transport:"applescript", id?, guid?}`. */
export const send: Method = async (p, { store, env }) => {
  const plan = planSend(p, store);
  const outcome = await executeSend(plan, store.path, env);
  return { ok: true, transport: 'applescript', ...outcome };
};
