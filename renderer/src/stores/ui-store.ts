// UI-only state: open section, expanded rows, confirm steps, and each button's call in flight.
import { create } from 'zustand';
import type { VerbResult } from '../../../electron/contract/channels.js';

/** The popover's sections, in tab order. */
export const SECTIONS = ['permissions', 'pairing', 'accounts', 'activity', 'settings'] as const;
/** One section id. */
export type SectionId = (typeof SECTIONS)[number];

/** One button's call: running, failed with a message, or done (kept until the snapshot catches up). */
export interface PendingAction {
  readonly running: boolean;
  readonly done?: boolean;
  readonly error?: string;
}

/** A short result shown inline next to a control. */
export interface Notice {
  readonly text: string;
  readonly tone: 'ok' | 'error' | 'info';
}

/** A sender just blocked from a card, offered for Undo until dismissed. */
export interface RecentBlock {
  readonly accountId: string;
  readonly sender: string;
}

/** UI store shape. */
export interface UiState {
  readonly section: SectionId;
  /** The first-run guide covers the sections while open. */
  readonly guideOpen: boolean;
  /** The guide was closed by the person: do not open it again by itself. */
  readonly guideDismissed: boolean;
  /** The popover already opened where attention was (or the person chose a section first). */
  readonly attentionDone: boolean;
  /** A row to scroll to and highlight once its section shows (attention target). */
  readonly focusRow: string | null;
  /** Deny & block decisions that can still be undone. */
  readonly recentBlocks: readonly RecentBlock[];
  /** The latest polite announcement for screen readers (new request, health change). */
  readonly announcement: string;
  setGuideOpen(open: boolean): void;
  setFocusRow(id: string | null): void;
  addRecentBlock(block: RecentBlock): void;
  removeRecentBlock(block: RecentBlock): void;
  announce(text: string): void;
  readonly expanded: Readonly<Record<string, boolean>>;
  readonly pending: Readonly<Record<string, PendingAction>>;
  /** The action key whose confirm step is showing (Revoke, Approve all). */
  readonly confirming: string | null;
  /** Short results shown inline next to a control (probe result, "could not open"). */
  readonly notices: Readonly<Record<string, Notice>>;
  setSection(section: SectionId): void;
  toggle(key: string): void;
  setConfirming(key: string | null): void;
  setNotice(key: string, notice: Notice | null): void;
  /** Run one verb call for the control `key`: shows progress, records its error, returns the data. */
  track<T>(key: string, call: () => Promise<VerbResult<T>>): Promise<T | undefined>;
}

/** Initial data, also used to reset between tests. */
export const uiInitial = {
  section: 'permissions' as SectionId,
  guideOpen: false,
  guideDismissed: false,
  attentionDone: false,
  focusRow: null,
  recentBlocks: [] as readonly RecentBlock[],
  announcement: '',
  expanded: {},
  pending: {},
  confirming: null,
  notices: {},
};

/** The UI store. */
export const useUiStore = create<UiState>()((set, get) => ({
  ...uiInitial,
  setSection(section) {
    set({ section });
  },
  setGuideOpen(open) {
    set(open ? { guideOpen: true } : { guideOpen: false, guideDismissed: true });
  },
  setFocusRow(focusRow) {
    set({ focusRow });
  },
  addRecentBlock(block) {
    set({ recentBlocks: [...get().recentBlocks.filter((b) => b.sender !== block.sender || b.accountId !== block.accountId), block] });
  },
  removeRecentBlock(block) {
    set({ recentBlocks: get().recentBlocks.filter((b) => b.sender !== block.sender || b.accountId !== block.accountId) });
  },
  announce(announcement) {
    set({ announcement });
  },
  toggle(key) {
    set({ expanded: { ...get().expanded, [key]: !get().expanded[key] } });
  },
  setConfirming(confirming) {
    set({ confirming });
  },
  setNotice(key, notice) {
    const notices = { ...get().notices };
    if (notice === null) delete notices[key];
    else notices[key] = notice;
    set({ notices });
  },
  async track<T>(key: string, call: () => Promise<VerbResult<T>>): Promise<T | undefined> {
    if (get().pending[key]?.running) return undefined; // a second click while running does nothing
    set({ pending: { ...get().pending, [key]: { running: true } } });
    let res: VerbResult<T>;
    try {
      res = await call();
    } catch (err) {
      res = { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } };
    }
    set({ pending: { ...get().pending, [key]: res.ok ? { running: false, done: true } : { running: false, error: res.error.message } } });
    return res.ok ? res.data : undefined;
  },
}));
