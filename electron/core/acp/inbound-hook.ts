// Before an accepted message joins its conversation's reply lane (where a running ACP prompt
// holds it): an answer to an open permission question is taken at once, and `/reset`, `/new`
// and `/acp close` cancel the running prompt at once (the command itself then runs in order).
import type { AccountRuntime } from '../app/account-runtime.js';
import { matchControlCommand } from '../policy/commands.js';
import type { InboundDecision } from '../policy/decide-types.js';
import { conversationPeer } from '../policy/route.js';

const CANCELLING = new Set(['/new', '/reset', '/acp close']);

/** The activity detail when the message was an answer (it is then not dispatched), else undefined. */
export function acpBeforeDispatch(rt: AccountRuntime, d: InboundDecision, message: { chat_guid?: string; chat_identifier?: string }): string | undefined {
  const acp = rt.deps.acp;
  if (!acp) return undefined;
  if (d.isControlCommand) {
    if (d.commandAuthorized && CANCELLING.has(matchControlCommand(d.bodyText) ?? '')) {
      const route = rt.deps.agents().resolve({ accountId: rt.account.accountId, peer: conversationPeer(d, message) });
      if (route.agentId !== null && route.binding) acp.get(route.binding.id)?.cancel();
    }
    return undefined;
  }
  const outcome = acp.offerAnswer(rt.account.accountId, d);
  if (!outcome) return undefined;
  return outcome.kind === 'selected' ? `answer to the ACP agent's permission question: ${outcome.option.name}` : 'answer to the ACP agent\'s permission question: not one of the options (declined)';
}
