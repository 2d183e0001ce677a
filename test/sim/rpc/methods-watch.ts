// watch.subscribe and watch.unsubscribe (spec §3.3, §3.4).
import { maxRowId } from '../store/message-queries.js';
import { paramIsoDate } from './date-params.js';
import { invalidParams } from './errors.js';
import type { Method } from './method-context.js';
import { paramBool, paramInt, paramStringArray, type Params } from './params.js';

const DEFAULT_DEBOUNCE_MS = 500;

/** `debounce_ms` (alias `debounceMs`): a non-negative integer, default 500. */
export function debounceParam(p: Params): number {
  const raw = p.debounce_ms ?? p.debounceMs;
  if (raw === undefined || raw === null) return DEFAULT_DEBOUNCE_MS;
  const value = typeof raw === 'string' && /^\+?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidParams('debounce_ms must be a non-negative integer');
  }
  return value;
}

/** `watch.subscribe` → `{subscription}`; omitted/0 since_rowid = from now, negative = replay all. */
export const watchSubscribe: Method = (p, { store, watches }) => {
  const debounceMs = debounceParam(p);
  const start = paramIsoDate(p, 'start');
  const end = paramIsoDate(p, 'end');
  const since = paramInt(p, 'since_rowid') ?? 0;
  const subscription = watches.subscribe({
    cursor: since === 0 ? maxRowId(store) : since,
    chatId: paramInt(p, 'chat_id'),
    filter: { participants: (paramStringArray(p, 'participants') ?? []).map((s) => s.toLowerCase()), start, end },
    attachments: paramBool(p, 'attachments') ?? false,
    includeReactions: paramBool(p, 'include_reactions') ?? false,
    debounceMs,
  });
  return { subscription };
};

/** `watch.unsubscribe {subscription}` → `{ok:true}`, also for unknown ids. */
export const watchUnsubscribe: Method = (p, { watches }) => {
  const id = paramInt(p, 'subscription');
  if (id === undefined) throw invalidParams('subscription is required');
  watches.unsubscribe(id);
  return { ok: true };
};
