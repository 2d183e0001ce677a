// Escalating shutdown of a child: EOF first (imsg exits cleanly on it), then SIGTERM, then SIGKILL.
import type { ChildHandle, ExitInfo } from './spawn-child.js';

/** Delays of {@link stopChild}, in ms. */
export interface StopDelays {
  /** Wait after closing stdin before SIGTERM. */
  graceMs: number;
  /** Wait after SIGTERM before SIGKILL. */
  termMs: number;
  /** Wait after SIGKILL before giving up on the close event. */
  killMs: number;
}

/** Delays used by the client: 500 ms, then 2 s, then 2 s. */
export const DEFAULT_STOP_DELAYS: StopDelays = { graceMs: 500, termMs: 2000, killMs: 2000 };

function within(promise: Promise<ExitInfo>, ms: number): Promise<ExitInfo | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Stop `child` and resolve with how it ended. If even SIGKILL does not produce a close (a
 * grandchild still holds the pipes), our ends of the pipes are destroyed and a SIGKILL exit is
 * assumed, so stop never hangs.
 */
export async function stopChild(child: ChildHandle, delays: StopDelays = DEFAULT_STOP_DELAYS): Promise<ExitInfo> {
  child.stdin.end();
  const graceful = await within(child.closed, delays.graceMs);
  if (graceful) return graceful;
  child.kill('SIGTERM');
  const termed = await within(child.closed, delays.termMs);
  if (termed) return termed;
  child.kill('SIGKILL');
  const killed = await within(child.closed, delays.killMs);
  if (killed) return killed;
  child.stdout.destroy();
  child.stderr.destroy();
  return { code: null, signal: 'SIGKILL' };
}
