// Durable per-account watch position: the last handled row id and the recently seen message keys.
import { join } from 'node:path';
import { readJsonState } from '../fs/read-json-state.js';
import { CoalescedWriter } from '../fs/coalesced-writer.js';

/** What survives a restart of imsg or of the app. */
export interface WatchState {
  /** Last handled message ROWID; null before the first start established one. */
  readonly cursor: number | null;
  /** Recently handled message keys (see messageKey), oldest first. */
  readonly seen: readonly string[];
}

/** Result of loading: the state plus a problem to surface when the file was unreadable. */
export interface WatchStateLoad {
  readonly state: WatchState;
  readonly problem?: string;
}

/** The watch-state file of one account under the state directory. */
export function watchStateFile(stateDir: string, accountId: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(accountId) || accountId.startsWith('.')) {
    throw new Error(`invalid account id for a file name: ${JSON.stringify(accountId)}`);
  }
  return join(stateDir, 'accounts', accountId, 'watch-state.json');
}

/** Loads and saves one account's {@link WatchState}; saves are atomic and coalesced. */
export class WatchStateStore {
  readonly #writer: CoalescedWriter;

  constructor(readonly file: string) {
    this.#writer = new CoalescedWriter(file);
  }

  /**
   * Read the state. A missing file is a first start; a corrupt one is kept aside as
   * `<file>.corrupt-<time>` (never silently overwritten) and reported.
   */
  async load(): Promise<WatchStateLoad> {
    const read = await readJsonState(this.file, parseState);
    return read.value ? { state: read.value } : { state: { cursor: null, seen: [] }, problem: read.problem };
  }

  /** Persist `state`; resolves once a write containing it (or a newer state) is durable. */
  save(state: WatchState): Promise<void> {
    return this.#writer.save(`${JSON.stringify({ version: 1, cursor: state.cursor, seen: state.seen, updatedAt: new Date().toISOString() })}\n`);
  }
}

function parseState(text: string): WatchState | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  if (typeof value !== 'object' || value === null) return 'expected an object';
  const { cursor, seen } = value as { cursor?: unknown; seen?: unknown };
  // A huge "integer" (1e308, saved by older versions from a hostile payload) would make imsg skip every row.
  if (cursor !== null && !(typeof cursor === 'number' && Number.isSafeInteger(cursor) && cursor >= 0)) return 'cursor: expected a non-negative safe integer or null';
  if (!Array.isArray(seen) || !seen.every((s) => typeof s === 'string')) return 'seen: expected an array of strings';
  return { cursor, seen };
}
