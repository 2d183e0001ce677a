// Temp files a killed process left behind (kill -9 during `config set`): atomic-write temps
// (`.<name>.<pid>.<hex>.tmp`, `.<name>.bak.<pid>.<hex>.tmp`, `<name>.<pid>.tmp`) and lock staging
// directories (`<name>.lock.<token>.tmp`). Removed on start; a live writer's are left alone.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

const PID_TEMP = /\.(\d+)(?:\.[0-9a-f]{12})?\.tmp$/;
const LOCK_STAGING = /\.lock\.[0-9a-f]{16}\.tmp$/;
/** A lock staging directory lives for milliseconds; one this old was abandoned. */
const LOCK_STAGING_STALE_MS = 60_000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove abandoned temps in `dir` (only names that start with one of `prefixes`, when given).
 * Never throws: returns the names removed.
 */
export async function cleanStaleTemps(dir: string, prefixes?: readonly string[], now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (prefixes && !prefixes.some((p) => name.startsWith(p))) continue;
    const path = join(dir, name);
    let stale = false;
    if (LOCK_STAGING.test(name)) {
      const st = await fs.stat(path).catch(() => undefined);
      stale = st !== undefined && now - st.mtimeMs > LOCK_STAGING_STALE_MS;
    } else {
      const pid = PID_TEMP.exec(name)?.[1];
      stale = pid !== undefined && !alive(Number(pid));
    }
    if (!stale) continue;
    try {
      await fs.rm(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Left for the next start.
    }
  }
  return removed;
}
