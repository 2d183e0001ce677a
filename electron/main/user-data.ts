// Chromium's own files (caches, Local Storage, Crashpad…) go to an explicit userData folder, never
// to our state dir: an earlier build without productName had userData ==
// ~/Library/Application Support/imsg-companion, the folder of our config, journal and pairing
// store. What such a build left there is moved out once, by name (only Chromium's entries).
import { existsSync, lstatSync, mkdirSync, readlinkSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The app's userData folder name under Application Support (the product name). */
export const USER_DATA_FOLDER = 'imsg Companion';

/** Entries Chromium/Electron create in userData (never any of ours). */
export const CHROMIUM_ENTRIES = [
  'Cache', 'Code Cache', 'GPUCache', 'DawnCache', 'DawnGraphiteCache', 'DawnWebGPUCache', 'GrShaderCache', 'ShaderCache',
  'Local Storage', 'Session Storage', 'IndexedDB', 'WebStorage', 'databases', 'blob_storage', 'Service Worker', 'Shared Dictionary',
  'SharedStorage', 'SharedStorage-wal', 'Partitions', 'Crashpad', 'Dictionaries', 'VideoDecodeStats', 'shared_proto_db',
  'Preferences', 'Local State', 'Network Persistent State', 'TransportSecurity', 'Trust Tokens', 'Trust Tokens-journal',
  'Cookies', 'Cookies-journal', 'QuotaManager', 'QuotaManager-journal', 'Network', 'lockfile',
] as const;

/** Chromium's single-instance files: symlinks, removed rather than moved. */
const SINGLETON = ['SingletonLock', 'SingletonCookie', 'SingletonSocket'] as const;

/** The parts of `app` used here. */
export interface UserDataApp {
  getPath(name: 'appData' | 'userData'): string;
  setPath(name: 'userData', path: string): void;
}

/** Set userData to `<appData>/imsg Companion` (or beside it, if the state dir was pointed there). */
export function useOwnUserData(app: UserDataApp, stateDir: string): string {
  let dir = join(app.getPath('appData'), USER_DATA_FOLDER);
  if (resolve(dir) === resolve(stateDir)) dir = `${dir} (Chromium)`;
  app.setPath('userData', dir);
  return dir;
}

/** True when the state dir's SingletonLock names a live process (an old build is running). */
function oldBuildRunning(stateDir: string): boolean {
  try {
    const pid = Number(/-(\d+)$/.exec(readlinkSync(join(stateDir, 'SingletonLock')))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Move Chromium's entries from the state dir to `userData` (kept there when userData already has
 * one: the newer wins) and drop the stale singleton links. Returns what was moved or removed.
 * Does nothing while an old build still runs on the state dir.
 */
export function migrateChromiumFiles(stateDir: string, userData: string): string[] {
  if (resolve(stateDir) === resolve(userData) || !existsSync(stateDir) || oldBuildRunning(stateDir)) return [];
  const done: string[] = [];
  mkdirSync(userData, { recursive: true, mode: 0o700 });
  for (const name of CHROMIUM_ENTRIES) {
    const from = join(stateDir, name);
    if (!existsSync(from)) continue;
    const to = join(userData, name);
    if (existsSync(to)) rmSync(from, { recursive: true, force: true });
    else renameSync(from, to);
    done.push(name);
  }
  for (const name of SINGLETON) {
    const link = join(stateDir, name);
    try {
      if (lstatSync(link).isSymbolicLink()) {
        rmSync(link, { force: true });
        done.push(name);
      }
    } catch {
      // absent
    }
  }
  return done;
}
