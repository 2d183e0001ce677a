// `/acp spawn <agent> [--bind here] [--label L]`, `/acp close`, `/acp status` (authorized senders
// only, like every control command): bind this conversation to an ACP agent, unbind, show it.
import type { AccountRuntime } from '../app/account-runtime.js';
import type { PendingJob } from '../replies/pending-journal.js';
import type { AgentConfig } from '../config/schema.js';
import type { ImsgMessage } from '../imsg/message.js';
import { type ConversationBinding, conversationPeer } from '../policy/route.js';
import type { AcpManager } from './acp-manager.js';
import { acpSessionViews, formatSessionLine } from './session-views.js';

/** The usage line of `/acp`. */
export const ACP_USAGE = 'Usage: /acp spawn <agent> [--bind here] [--label NAME] · /acp close · /acp status';

/** Run one `/acp …` command; the reply text. */
export async function runAcpCommand(rt: AccountRuntime, job: PendingJob, command: string, args: string): Promise<string> {
  const acp = rt.deps.acp;
  if (!acp) return 'ACP bindings are not available in this app.';
  const d = job.decision;
  const route = rt.deps.agents().resolve({ accountId: rt.account.accountId, peer: conversationPeer(d, job.message as ImsgMessage) });
  const bound = route.agentId === null ? undefined : route.binding;
  switch (command) {
    case '/acp spawn':
      return spawn(rt, acp, job, args, bound);
    case '/acp close':
      return close(acp, bound);
    case '/acp status': {
      if (!bound) return 'No ACP binding in this chat.';
      const view = acpSessionViews(acp, rt.deps.configStore.current).find((v) => v.id === bound.id);
      return view ? formatSessionLine(view) : 'No ACP binding in this chat.';
    }
    default:
      return ACP_USAGE;
  }
}

/** The reply of `/new` and `/reset` in a bound chat (the session was already reset in place). */
export function boundResetText(acp: AcpManager | undefined, binding: ConversationBinding): string {
  const id = acp?.get(binding.id)?.sessionId;
  return id ? `Started a new session with ${binding.agentId} (ACP session ${id}). Earlier messages are forgotten.` : `Started a new conversation with ${binding.agentId}. Earlier messages are forgotten.`;
}

function parseSpawn(args: string): { agent?: string; label?: string; error?: string } {
  const words = args.split(' ').filter(Boolean);
  const out: { agent?: string; label?: string } = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--bind' || word.startsWith('--bind=')) {
      const where = word === '--bind' ? words[++i] : word.slice('--bind='.length);
      if (where !== 'here') return { error: `only --bind here is supported (got "${where ?? ''}")` };
    } else if (word === '--label' || word.startsWith('--label=')) {
      const label = word === '--label' ? words[++i] : word.slice('--label='.length);
      if (!label) return { error: '--label needs a name' };
      out.label = label.slice(0, 64);
    } else if (word.startsWith('--')) return { error: `unknown option ${word.slice(0, 32)}` };
    else if (out.agent) return { error: `one agent only (got "${out.agent}" and "${word.slice(0, 32)}")` };
    else out.agent = word.toLowerCase();
  }
  return out.agent ? out : { error: 'name the agent' };
}

/** An agents.list entry with an ACP runtime, by id or by its `runtime.acp.agent`. */
function findAcpAgent(list: readonly AgentConfig[], name: string): AgentConfig | undefined {
  const acpAgents = list.filter((a) => a.runtime?.type === 'acp');
  return acpAgents.find((a) => a.id.trim().toLowerCase() === name) ?? acpAgents.find((a) => a.runtime?.acp.agent.trim().toLowerCase() === name);
}

async function spawn(rt: AccountRuntime, acp: AcpManager, job: PendingJob, args: string, bound: ConversationBinding | undefined): Promise<string> {
  const parsed = parseSpawn(args);
  if (parsed.error || !parsed.agent) return `${parsed.error ?? 'name the agent'}. ${ACP_USAGE}`;
  if (bound) return bound.source === 'chat' ? `This chat is already bound to ${bound.agentId} (${bound.id}). Send /acp close first.` : `This chat is bound to ${bound.agentId} in the config (${bound.id}); change bindings[] there.`;
  const list = rt.deps.configStore.current.agents?.list ?? [];
  const agent = findAcpAgent(list, parsed.agent);
  if (!agent?.runtime) {
    const names = list.filter((a) => a.runtime?.type === 'acp').map((a) => a.id);
    return `No ACP agent "${parsed.agent}" in agents.list${names.length ? ` (ACP agents: ${names.join(', ')})` : ''}. Add one, e.g. {id: "${parsed.agent}", runtime: {type: "acp", acp: {agent: "${parsed.agent}"}}}.`;
  }
  const d = job.decision;
  const peer = d.chatType === 'group' ? { kind: 'group' as const, id: `chat_id:${d.chatId}` } : { kind: 'direct' as const, id: d.senderNormalized };
  const agentId = agent.id.trim().toLowerCase();
  const chatName = typeof (job.message as { chat_name?: unknown }).chat_name === 'string' ? ((job.message as { chat_name: string }).chat_name.trim() || undefined) : undefined;
  const binding = { id: `${rt.account.accountId}/${peer.id}`, source: 'chat' as const, agentId, accountId: rt.account.accountId, peer, ...(parsed.label && { label: parsed.label }), ...(chatName && { chatName }), createdAt: new Date(rt.deps.now()).toISOString(), createdBy: d.senderId };
  let sessionId: string | undefined;
  try {
    sessionId = await acp.startSession(binding.id, agentId, agent.runtime.acp, binding);
  } catch (err) {
    await acp.close(binding.id);
    return `Could not start ${agentId}: ${(err as Error).message}. Nothing was bound.`;
  }
  await acp.bind(binding);
  const session = sessionId ? ` (ACP session ${sessionId})` : '';
  return `Bound this chat to ${agentId}${session}. Messages here now go to it; /reset starts a new session, /acp close unbinds.`;
}

async function close(acp: AcpManager, bound: ConversationBinding | undefined): Promise<string> {
  if (!bound) return 'No ACP binding in this chat.';
  await acp.close(bound.id);
  if (bound.source === 'config') return `Closed the ACP session of ${bound.agentId}. This chat is bound in the config (${bound.id}); remove that bindings[] entry to unbind it.`;
  return `Closed the ACP session of ${bound.agentId} and unbound this chat; messages go to the default agent again.`;
}
