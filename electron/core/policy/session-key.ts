// Session keys (channel spec §14): which session (transcript) a conversation lands in.
import type { AppConfig } from '../config/schema.js';
import { normalizeHandle } from './normalize.js';
import type { Peer } from './route.js';
import type { ImsgTarget } from './targets.js';

/** The main session key suffix (`agent:<id>:main`). */
export const MAIN_SESSION_KEY = 'main';

/** The DM scopes of `session.dmScope`. */
export type DmScope = 'main' | 'per-peer' | 'per-channel-peer' | 'per-account-channel-peer';

/** Group session key (§14): `agent:<agentId>:imessage:group:<chat_id>`, lower-cased, account not part of it. */
export function groupSessionKey(agentId: string, groupId: string | number): string {
  return `agent:${agentId}:imessage:group:${groupId}`.toLowerCase();
}

/** DM session key per `session.dmScope` (§14); `peer` is the normalized handle. */
export function directSessionKey(input: { readonly agentId: string; readonly accountId: string; readonly peer: string; readonly dmScope?: DmScope }): string {
  const agent = input.agentId.toLowerCase();
  const peer = input.peer.toLowerCase();
  switch (input.dmScope ?? 'main') {
    case 'main':
      return `agent:${agent}:${MAIN_SESSION_KEY}`;
    case 'per-peer':
      return `agent:${agent}:direct:${peer}`;
    case 'per-channel-peer':
      return `agent:${agent}:imessage:direct:${peer}`;
    case 'per-account-channel-peer':
      return `agent:${agent}:imessage:${input.accountId.toLowerCase()}:direct:${peer}`;
  }
}

/** Session key of an inbound conversation: group key for groups, the dmScope key for DMs. */
export function inboundSessionKey(config: AppConfig, input: { readonly agentId: string; readonly accountId: string; readonly peer: Peer }): string {
  if (input.peer.kind === 'group') return groupSessionKey(input.agentId, input.peer.id);
  return directSessionKey({ agentId: input.agentId, accountId: input.accountId, peer: input.peer.id, dmScope: config.session?.dmScope });
}

/**
 * The single owner for main-session last-route updates (§14): with dmScope main and exactly one
 * distinct normalized non-wildcard allowFrom entry, only that owner's DMs update the last route.
 * Undefined means every dispatched DM updates it.
 */
export function mainSessionOwner(config: AppConfig, allowFrom: readonly (string | number)[]): string | undefined {
  if ((config.session?.dmScope ?? 'main') !== 'main') return undefined;
  const owners = new Set(allowFrom.map((e) => String(e).trim()).filter((e) => e && e !== '*').map(normalizeHandle).filter(Boolean));
  return owners.size === 1 ? [...owners][0] : undefined;
}

/** Session key of an explicit outbound target (§14): handles get the dmScope key, chat targets a group key from the raw id. */
export function outboundSessionKey(config: AppConfig, input: { readonly agentId: string; readonly accountId: string; readonly target: ImsgTarget }): string {
  const { target } = input;
  if (target.kind === 'handle') return directSessionKey({ agentId: input.agentId, accountId: input.accountId, peer: normalizeHandle(target.to), dmScope: config.session?.dmScope });
  const raw = target.kind === 'chat_id' ? target.chatId : target.kind === 'chat_guid' ? target.chatGuid : target.chatIdentifier;
  return groupSessionKey(input.agentId, raw);
}
