// Conversations rows (messages:list), fetched on open and again shortly after new activity.
import { create } from 'zustand';
import type { MessageFilter, MessageView } from '../../../electron/contract/views.js';
import { api } from '../api/current-api.js';

/** A Conversations filter: one status group of `messages:list`. */
export type MessageGroup = NonNullable<MessageFilter['group']>;

/** Messages store shape. */
export interface MessagesState {
  readonly messages: readonly MessageView[];
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly error: string | null;
  readonly filter: MessageGroup;
  readonly search: string;
  /** Fetch the rows for the current filter and search. */
  load(): Promise<void>;
  setFilter(filter: MessageGroup): void;
  setSearch(search: string): void;
  /** Reload soon (coalesces a burst of activity events into one fetch); only once loaded. */
  refreshSoon(): void;
}

/** Initial data, also used to reset between tests. */
export const messagesInitial = { messages: [] as readonly MessageView[], status: 'idle' as const, error: null, filter: 'all' as MessageGroup, search: '' };

let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

/** The messages store. */
export const useMessagesStore = create<MessagesState>()((set, get) => ({
  ...messagesInitial,
  async load() {
    const gen = ++generation;
    if (get().status !== 'ready') set({ status: 'loading' });
    const { filter, search } = get();
    const res = await api().call('messages:list', { group: filter, ...(search.trim() ? { search: search.trim() } : {}), limit: 200 });
    if (gen !== generation) return; // a newer filter/search answered first
    if (res.ok) set({ messages: res.data.messages, status: 'ready', error: null });
    else set({ status: 'error', error: res.error.message });
  },
  setFilter(filter) {
    set({ filter });
    void get().load();
  },
  setSearch(search) {
    set({ search });
    clearTimeout(timer);
    timer = setTimeout(() => void get().load(), 250);
  },
  refreshSoon() {
    if (get().status === 'idle') return;
    clearTimeout(timer);
    timer = setTimeout(() => void get().load(), 300);
  },
}));
