// Child processes in their own process group: a timeout or a stop ends the whole group (the
// grandchildren of `bash -c "sleep 300 & …"` too), TERM first, KILL after a grace period.

/** Signal every process of the group led by `pid`; false when none is left. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): boolean {
  if (pid === undefined) return false;
  try {
    // A negative pid addresses the group (the child was spawned detached: it leads its own).
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

/** True while any process of the group led by `pid` exists. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Groups being terminated (TERM sent, KILL maybe still to come), by leader pid. */
const ending = new Map<number, Promise<void>>();

/**
 * TERM the group, then KILL it if anything of it is still there after `graceMs`. Resolves once
 * the KILL was sent (or the group was gone): never waits on what a trapped TERM does. Until then
 * the kill is pending: {@link stopAllGroups} waits for it (an exit must not cut its KILL off).
 */
export function terminateGroup(pid: number | undefined, graceMs: number): Promise<void> {
  if (pid === undefined) return Promise.resolve();
  const running = ending.get(pid);
  if (running) return running;
  const done = (async () => {
    if (!signalGroup(pid, 'SIGTERM')) return;
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && groupAlive(pid)) await new Promise((r) => setTimeout(r, Math.min(50, graceMs)));
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  })().finally(() => ending.delete(pid));
  ending.set(pid, done);
  return done;
}

const live = new Set<number>();
let exitHook = false;

/** Remember a running group: if this process exits first (a stop, the CLI's exit grace), the group is killed. */
export function trackGroup(pid: number | undefined): () => void {
  if (pid === undefined) return () => undefined;
  live.add(pid);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const group of live) signalGroup(group, 'SIGKILL');
    });
  }
  return () => live.delete(pid);
}

/**
 * A stop: TERM every tracked group still alive, KILL what is left after `graceMs`, and wait for
 * the kills already under way (a timed-out call's), so nothing of them outlives the process.
 */
export async function stopAllGroups(graceMs: number): Promise<void> {
  const groups = [...live].filter((pid) => groupAlive(pid));
  await Promise.all([...groups.map((pid) => terminateGroup(pid, graceMs)), ...ending.values()]);
}
