// `send` validation in imsg's order (spec §3.5): service → transport → to/chat → text/file → chat lookup.
import { directChatGuids } from '../db/chats-write.js';
import type { Store } from '../store/open-store.js';
import { SIP_ERROR_TEXT } from './bridge-errors.js';
import { internalError, invalidParams } from './errors.js';
import { paramInt, paramNonEmpty, paramString, type Params } from './params.js';
import { normalizeRecipient } from './recipient.js';

/** Who the message goes to. */
export type SendTarget =
  | { readonly kind: 'direct'; readonly to: string }
  | { readonly kind: 'chat'; readonly chatId?: number; readonly identifier?: string; readonly guid?: string };

/** A validated send. */
export interface SendPlan {
  readonly service: 'imessage' | 'sms' | 'auto';
  readonly target: SendTarget;
  readonly text: string;
  readonly file: string;
}

const SERVICES = ['imessage', 'sms', 'auto'] as const;
const TRANSPORTS = ['auto', 'bridge', 'applescript'];

/** Resolve `chat_id` to the chat's identifier and guid (they overwrite the given ones). */
function lookupChat(store: Store, chatId: number): SendTarget {
  const row = store.db.prepare('SELECT chat_identifier AS identifier, guid FROM chat WHERE ROWID = ?').get(chatId) as
    | { identifier: string | null; guid: string | null }
    | undefined;
  if (!row) throw invalidParams(`unknown chat_id ${chatId}`);
  if (!row.identifier && !row.guid) throw invalidParams('missing chat identifier or guid');
  return { kind: 'chat', chatId, identifier: row.identifier ?? undefined, guid: row.guid ?? undefined };
}

/** True when a direct chat with `to` already exists (the bridge could then be used). */
function hasDirectChat(store: Store, to: string, service: SendPlan['service']): boolean {
  const stmt = store.db.prepare('SELECT 1 FROM chat WHERE guid = ?');
  return directChatGuids(to, service === 'sms' ? 'SMS' : 'iMessage').some((guid) => stmt.get(guid) !== undefined);
}

/** `transport: "bridge"`: there is no bridge on this Mac, so it fails (no silent fallback as with `auto`). */
function rejectBridge(store: Store, plan: SendPlan): never {
  const known = plan.target.kind === 'chat' || hasDirectChat(store, plan.target.to, plan.service);
  if (!known) throw invalidParams('bridge transport requires an existing chat target');
  if (plan.text !== '' && plan.file !== '') throw invalidParams('bridge transport does not support text and file together');
  throw internalError(SIP_ERROR_TEXT);
}

/** Validate `send` params against the DB; throws the RpcError imsg would answer with. */
export function planSend(p: Params, store: Store): SendPlan {
  const service = paramString(p, 'service') ?? 'auto';
  if (!(SERVICES as readonly string[]).includes(service)) throw invalidParams('invalid service');
  const transport = (paramString(p, 'transport') ?? 'auto').toLowerCase();
  if (!TRANSPORTS.includes(transport)) throw invalidParams('invalid transport');
  const to = paramNonEmpty(p, 'to');
  const chatId = paramInt(p, 'chat_id');
  const identifier = paramNonEmpty(p, 'chat_identifier');
  const guid = paramNonEmpty(p, 'chat_guid');
  const hasChat = chatId !== undefined || identifier !== undefined || guid !== undefined;
  if (to !== undefined && hasChat) throw invalidParams('use to or chat_*; not both');
  if (to === undefined && !hasChat) throw invalidParams('to is required for direct sends');
  const text = paramString(p, 'text') ?? '';
  const file = paramString(p, 'file') ?? '';
  if (text === '' && file === '') throw invalidParams('text or file is required');
  let target: SendTarget;
  if (to !== undefined) target = { kind: 'direct', to: normalizeRecipient(to, paramNonEmpty(p, 'region') ?? 'US') };
  else target = chatId !== undefined ? lookupChat(store, chatId) : { kind: 'chat', identifier, guid };
  const plan: SendPlan = { service: service as SendPlan['service'], target, text, file };
  if (transport === 'bridge') rejectBridge(store, plan);
  return plan;
}
