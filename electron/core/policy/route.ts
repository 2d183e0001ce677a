// Agent routing (channel spec §14): which agent answers a conversation, from `bindings[]`
// (peer, then account), else the default agent.
import { DEFAULT_ACCOUNT_ID } from '../config/accounts.js';
import type { AppConfig } from '../config/schema.js';
import { bindingPeerMatches, type PeerFacts } from './binding-peer.js';

/** The agent used when no agents are configured. */
export const DEFAULT_AGENT_ID = 'main';

/** A conversation peer: the normalized handle for DMs, the chat_id for groups; guid/identifier when known. */
export interface Peer extends PeerFacts {
  readonly kind: 'direct' | 'group';
  readonly id: string;
  /** The chat's `chat_guid`, so a binding on `chat_guid:<guid>` matches. */
  readonly chatGuid?: string;
  /** The chat's `chat_identifier`, so a binding on `chat_identifier:<id>` matches. */
  readonly chatIdentifier?: string;
}

/** The peer of a decided message: handle for DMs, chat_id for groups, plus the chat's guid/identifier. */
export function conversationPeer(d: { chatType: 'direct' | 'group'; chatId?: number; senderNormalized: string }, message?: { chat_guid?: string; chat_identifier?: string }): Peer {
  const extra = { ...(message?.chat_guid && { chatGuid: message.chat_guid }), ...(message?.chat_identifier && { chatIdentifier: message.chat_identifier }) };
  return d.chatType === 'group' ? { kind: 'group', id: String(d.chatId ?? ''), ...extra } : { kind: 'direct', id: d.senderNormalized, ...extra };
}

/** A conversation binding (ACP): config `bindings[]` of type "acp", or one made from the chat (`/acp spawn`). */
export interface ConversationBinding {
  /** Stable id (`<account>/<peer id>`), shown by `bindings list` and `/acp status`. */
  readonly id: string;
  readonly source: 'config' | 'chat';
  readonly agentId: string;
  /** Account id; `*` = any account. */
  readonly accountId: string;
  readonly peer: { readonly kind: 'direct' | 'group'; readonly id: string };
  readonly label?: string;
}

/** The agent chosen for a conversation and why. */
export interface AgentRoute {
  readonly agentId: string;
  readonly matchedBy: 'peer binding' | 'account binding' | 'channel binding' | 'default agent' | 'acp binding';
  /** The conversation binding that took over (matchedBy `acp binding`). */
  readonly binding?: ConversationBinding;
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

/** The conversation bindings of the config: `bindings[]` entries of type "acp" with a peer, for iMessage. */
export function configConversationBindings(config: AppConfig): ConversationBinding[] {
  return (config.bindings ?? []).flatMap((b) => {
    if (b.type !== 'acp' || !b.match.peer || (b.match.channel ?? 'imessage') !== 'imessage') return [];
    const accountId = b.match.accountId?.trim() || DEFAULT_ACCOUNT_ID;
    return [{ id: `${accountId}/${b.match.peer.id.trim()}`, source: 'config' as const, agentId: b.agentId.trim().toLowerCase(), accountId, peer: b.match.peer, ...(b.acp?.label !== undefined && { label: b.acp.label }) }];
  });
}

/** The conversation binding of this conversation: chat-made ones first, then the config's. */
export function findConversationBinding(config: AppConfig, accountId: string, peer: Peer, chatBindings: readonly ConversationBinding[] = []): ConversationBinding | undefined {
  return [...chatBindings, ...configConversationBindings(config)].find((b) => accountMatches(b.accountId, accountId) && bindingPeerMatches(b.peer, peer));
}

/**
 * Route a conversation (§14): peer bindings, then account bindings, then the default agent; after
 * that a conversation (ACP) binding takes over. Its agent is used as named: a missing agent is an
 * error the caller shows for that conversation, never a fallback to another agent.
 */
export function resolveAgentRoute(config: AppConfig, accountId: string, peer: Peer, chatBindings?: readonly ConversationBinding[]): AgentRoute {
  const binding = findConversationBinding(config, accountId, peer, chatBindings);
  if (binding) return { agentId: binding.agentId, matchedBy: 'acp binding', binding };
  const bindings = (config.bindings ?? []).filter((b) => b.type !== 'acp' && (b.match.channel ?? 'imessage') === 'imessage' && accountMatches(b.match.accountId, accountId));
  const byPeer = bindings.find((b) => b.match.peer !== undefined && bindingPeerMatches(b.match.peer, peer));
  if (byPeer) return { agentId: existingAgent(config, byPeer.agentId), matchedBy: 'peer binding' };
  const unscoped = bindings.filter((b) => b.match.peer === undefined);
  const byAccount = unscoped.find((b) => b.match.accountId !== undefined && b.match.accountId.trim() !== '*');
  if (byAccount) return { agentId: existingAgent(config, byAccount.agentId), matchedBy: 'account binding' };
  const byChannel = unscoped[0];
  if (byChannel) return { agentId: existingAgent(config, byChannel.agentId), matchedBy: 'channel binding' };
  return { agentId: defaultAgentId(config), matchedBy: 'default agent' };
}


