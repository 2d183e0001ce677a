// Agent routing (channel spec §14): which agent answers a conversation, from `bindings[]`
// (peer, then account), else the default agent.
import { DEFAULT_ACCOUNT_ID } from '../config/accounts.js';
import type { AppConfig } from '../config/schema.js';
import { normalizeHandle } from './normalize.js';

/** The agent used when no agents are configured. */
export const DEFAULT_AGENT_ID = 'main';

/** A conversation peer: the normalized handle for DMs, the chat_id for groups. */
export interface Peer {
  readonly kind: 'direct' | 'group';
  readonly id: string;
}

/** The agent chosen for a conversation and why. */
export interface AgentRoute {
  readonly agentId: string;
  readonly matchedBy: 'peer binding' | 'account binding' | 'channel binding' | 'default agent';
}

/** The default agent: the one marked `default`, else the first, else `main` (lower-cased). */
export function defaultAgentId(config: AppConfig): string {
  const list = config.agents?.list ?? [];
  const chosen = list.find((a) => a.default === true) ?? list[0];
  return (chosen?.id ?? DEFAULT_AGENT_ID).trim().toLowerCase();
}

/** A binding's agent if it exists in agents.list (or no list is configured), else the default agent. */
function existingAgent(config: AppConfig, agentId: string): string {
  const id = agentId.trim().toLowerCase();
  const list = config.agents?.list;
  if (!list || list.length === 0 || list.some((a) => a.id.trim().toLowerCase() === id)) return id;
  return defaultAgentId(config);
}

/** Binding account match: unset → the default account only, `*` → any, else exact. */
function accountMatches(pattern: string | undefined, accountId: string): boolean {
  const wanted = (pattern ?? '').trim();
  if (!wanted) return accountId === DEFAULT_ACCOUNT_ID;
  return wanted === '*' || wanted.toLowerCase() === accountId.toLowerCase();
}

/** Binding peer match: handles compare normalized, groups by chat_id (a `chat_id:` prefix is accepted). */
function peerMatches(bound: Peer, peer: Peer): boolean {
  if (bound.kind !== peer.kind) return false;
  if (peer.kind === 'direct') return normalizeHandle(bound.id) === peer.id;
  return bound.id.trim().replace(/^chat_id:/i, '') === peer.id;
}

/** Route a conversation (§14): peer bindings, then account bindings, then the default agent. */
export function resolveAgentRoute(config: AppConfig, accountId: string, peer: Peer): AgentRoute {
  const bindings = (config.bindings ?? []).filter((b) => (b.match.channel ?? 'imessage') === 'imessage' && accountMatches(b.match.accountId, accountId));
  const byPeer = bindings.find((b) => b.match.peer !== undefined && peerMatches(b.match.peer, peer));
  if (byPeer) return { agentId: existingAgent(config, byPeer.agentId), matchedBy: 'peer binding' };
  const unscoped = bindings.filter((b) => b.match.peer === undefined);
  const byAccount = unscoped.find((b) => b.match.accountId !== undefined && b.match.accountId.trim() !== '*');
  if (byAccount) return { agentId: existingAgent(config, byAccount.agentId), matchedBy: 'account binding' };
  const byChannel = unscoped[0];
  if (byChannel) return { agentId: existingAgent(config, byChannel.agentId), matchedBy: 'channel binding' };
  return { agentId: defaultAgentId(config), matchedBy: 'default agent' };
}

