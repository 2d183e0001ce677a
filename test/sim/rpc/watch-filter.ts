// In-memory filters of watch.subscribe (participants, start, end) and the URL-preview dedupe (spec §3.3, §4.6).
import type { MessageRow } from '../store/message-rows.js';
import { rowSender, rowText } from '../store/message-rows.js';

/** Filters applied after the poll query. */
export interface WatchFilter {
  /** Lower-cased handles; empty = no filter. */
  readonly participants: readonly string[];
  readonly start?: bigint;
  readonly end?: bigint;
}

/** True when the row passes the participants/start/end filters. */
export function passesFilter(row: MessageRow, f: WatchFilter): boolean {
  const date = row.date ?? 0n;
  if (f.start !== undefined && date < f.start) return false;
  if (f.end !== undefined && date >= f.end) return false;
  if (f.participants.length === 0) return true;
  return f.participants.includes(rowSender(row).toLowerCase());
}

const URL_BALLOON = 'com.apple.messages.URLBalloonProvider';
const PREVIEW_WINDOW_NS = 90n * 1_000_000_000n;
const MEMORY_LIMIT = 2000;

/**
 * Rows seen by any subscription of this process (imsg keeps this in the shared store, so a second
 * subscription can skip a preview row the first one already saw).
 */
export class PreviewMemory {
  private readonly seen = new Map<string, bigint>();

  /** True when `row` is a URL-preview duplicate of a message seen within 90 s; records the row otherwise. */
  isDuplicate(row: MessageRow): boolean {
    const key = `${row.chatId}|${row.fromMe ? 1 : 0}|${rowSender(row)}|${rowText(row)}`;
    const date = row.date ?? 0n;
    const previous = this.seen.get(key);
    if (row.balloonBundleId === URL_BALLOON && previous !== undefined) {
      const gap = date > previous ? date - previous : previous - date;
      if (gap <= PREVIEW_WINDOW_NS) return true;
    }
    this.seen.delete(key);
    this.seen.set(key, date);
    if (this.seen.size > MEMORY_LIMIT) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return false;
  }
}
