// Binding peer match (acp-bindings.md): `match.peer.id` is a normalized handle for DMs, or
// `chat_id:<id>` (a bare number too), `chat_guid:<guid>` or `chat_identifier:<id>` for chats.
import { parseAllowTarget } from './allow-from.js';
import { normalizeHandle } from './normalize.js';

/** The conversation a binding is matched against; groups also carry their guid and identifier. */
export interface PeerFacts {
  readonly kind: 'direct' | 'group';
  /** The normalized handle (DM) or the chat_id as a string (group). */
  readonly id: string;
  readonly chatGuid?: string;
  readonly chatIdentifier?: string;
}

/** True when a binding's `peer` ({kind, id}) names this conversation. */
export function bindingPeerMatches(bound: { readonly kind: 'direct' | 'group'; readonly id: string }, peer: PeerFacts): boolean {
  if (bound.kind !== peer.kind) return false;
  const target = parseAllowTarget(bound.id);
  switch (target.kind) {
    case 'chat_id':
      return peer.kind === 'group' && String(target.chatId) === peer.id;
    case 'chat_guid':
      return peer.chatGuid !== undefined && peer.chatGuid === target.chatGuid;
    case 'chat_identifier':
      // A DM's chat_identifier is the other side's handle.
      return peer.chatIdentifier === target.chatIdentifier || (peer.kind === 'direct' && normalizeHandle(target.chatIdentifier) === peer.id);
    case 'handle':
      return peer.kind === 'direct' ? target.handle === peer.id : bound.id.trim() === peer.id;
  }
}
