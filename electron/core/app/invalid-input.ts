// What imsg sent that could not be used is recorded, not dropped in silence: an activity entry
// per invalid payload, and protocol errors (one line a time could flood the log) at most every 10 s.
import type { ActivityLog } from './activity-log.js';

/** Least time between two activity entries about protocol errors of one account. */
const PROTOCOL_ENTRY_MS = 10_000;

/** The supervisor hooks that record invalid payloads and protocol errors of `accountId`. */
export function invalidInputHooks(accountId: string, activity: Pick<ActivityLog, 'append'>, now: () => number = Date.now): {
  onInvalid: (payload: unknown, reason: string) => void;
  onProtocolError: (reason: string) => void;
} {
  let lastEntryAt = -Infinity;
  let unreported = 0;
  return {
    onInvalid: (payload, reason) => {
      const guid = typeof (payload as { guid?: unknown } | null)?.guid === 'string' ? ((payload as { guid: string }).guid.slice(0, 100)) : undefined;
      void activity.append({ accountId, kind: 'inbound', decision: 'drop', reason: 'invalid payload', guid, detail: reason }).catch(() => undefined);
    },
    onProtocolError: (reason) => {
      unreported++;
      if (now() - lastEntryAt < PROTOCOL_ENTRY_MS) return;
      lastEntryAt = now();
      const count = unreported;
      unreported = 0;
      const detail = `imsg protocol error: ${reason.slice(0, 300)}${count > 1 ? ` (${count} since the last entry)` : ''}`;
      void activity.append({ accountId, kind: 'system', detail }).catch(() => undefined);
    },
  };
}
