// The activity log as the UI shows it: newest first, capped, with the user's filter.
import { create } from 'zustand';
import type { ActivityEntry } from '../../../electron/contract/views.js';
import { api } from '../api/current-api.js';

/** How many entries the popover keeps (the log itself keeps more on disk). */
export const ACTIVITY_CAP = 200;

/** The filter chips above the list. */
export type ActivityKindFilter = 'all' | 'answered' | 'dropped' | 'pairing';

/** Activity store shape. */
export interface ActivityState {
  readonly entries: readonly ActivityEntry[];
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly error: string | null;
  readonly kind: ActivityKindFilter;
  readonly text: string;
  /** Fetch the latest entries (section open, Retry). */
  load(): Promise<void>;
  /** Prepend one pushed entry. */
  push(entry: ActivityEntry): void;
  setKind(kind: ActivityKindFilter): void;
  setText(text: string): void;
}

/** Initial data, also used to reset between tests. */
export const activityInitial = { entries: [] as readonly ActivityEntry[], status: 'idle' as const, error: null, kind: 'all' as ActivityKindFilter, text: '' };

/** Newest first, one row per id (a pushed entry may also come back in the next list). */
function merge(a: readonly ActivityEntry[], b: readonly ActivityEntry[]): ActivityEntry[] {
  const byId = new Map<string, ActivityEntry>();
  for (const e of [...a, ...b]) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((x, y) => y.at.localeCompare(x.at)).slice(0, ACTIVITY_CAP);
}

/** The activity store. */
export const useActivityStore = create<ActivityState>()((set, get) => ({
  ...activityInitial,
  async load() {
    set({ status: get().status === 'ready' ? 'ready' : 'loading' });
    const res = await api().call('activity:list', { limit: ACTIVITY_CAP });
    if (res.ok) set({ entries: merge(get().entries, res.data.entries), status: 'ready', error: null });
    else set({ status: 'error', error: res.error.message });
  },
  push(entry) {
    set({ entries: merge([entry], get().entries) });
  },
  setKind(kind) {
    set({ kind });
  },
  setText(text) {
    set({ text });
  },
}));

/** Does `entry` pass the chip and text filter? (Display filtering only; the log is untouched.) */
export function matchesFilter(entry: ActivityEntry, kind: ActivityKindFilter, text: string): boolean {
  // Answered means delivered: a reply entry that says so (older logs: any reply line).
  if (kind === 'answered' && !(entry.outcome === 'sent' || (entry.kind === 'reply' && entry.outcome === undefined))) return false;
  // The copy of our own reply is not a message someone was refused: not under Dropped.
  if (kind === 'dropped' && (entry.decision !== 'drop' || entry.ownReplyCopy)) return false;
  if (kind === 'pairing' && entry.decision !== 'pairing' && entry.kind !== 'pairing') return false;
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [entry.sender, entry.preview, entry.reason, entry.detail, entry.accountId].some((f) => f?.toLowerCase().includes(needle));
}
