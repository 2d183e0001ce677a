// What the core does around sleep: before it, write what is buffered (journal, activity, cursors);
// after it, ping every imsg child and restart one that no longer answers (a wedged pipe or a
// child that did not survive the sleep), since its own ping may not fire for a while.
import type { AccountHealthView } from '../../contract/views.js';

/** The parts of a supervisor used here. */
export interface PingTarget {
  health(): Pick<AccountHealthView, 'state'>;
  request(method: string, params?: Record<string, unknown>, opts?: { timeoutMs?: number }): Promise<unknown>;
  retry(): void;
  flush(): Promise<void>;
}

/** One account's answer to the wake-up ping. */
export interface PingResult {
  readonly accountId: string;
  /** 'ok' answered; 'restarted' did not answer in time and was restarted; 'skipped' not watching (its own restart logic runs). */
  readonly outcome: 'ok' | 'restarted' | 'skipped';
  readonly error?: string;
}

/** Ping each watching child with a cheap read (`chats.list` limit 1, like the liveness ping); restart those that fail. */
export async function pingChildren(targets: ReadonlyMap<string, PingTarget>, timeoutMs = 5_000): Promise<PingResult[]> {
  return Promise.all(
    [...targets].map(async ([accountId, t]): Promise<PingResult> => {
      if (t.health().state !== 'watching') return { accountId, outcome: 'skipped' };
      try {
        await t.request('chats.list', { limit: 1 }, { timeoutMs });
        return { accountId, outcome: 'ok' };
      } catch (err) {
        t.retry();
        return { accountId, outcome: 'restarted', error: (err as Error).message };
      }
    }),
  );
}

/** Write the journal, the activity log and every cursor now; one failure does not stop the others. */
export async function flushAll(parts: ReadonlyArray<{ flush(): Promise<void> }>): Promise<void> {
  await Promise.allSettled(parts.map((p) => p.flush()));
}
