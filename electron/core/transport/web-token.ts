// The web UI's access token and address, kept in the state dir so a restarted `serve --web` keeps
// the same link (an open page stays usable) and `imsg-companion ui` can print or rotate it.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { newToken } from './web-auth.js';

/** The token file (0600, one line). */
export const webTokenPath = (stateDir: string): string => join(stateDir, 'web-token');
/** Where a running `serve --web` records its port and pid (for `ui` and `status`). */
export const webInfoPath = (stateDir: string): string => join(stateDir, 'web-ui.json');

const TOKEN_RE = /^[\w-]{32,128}$/;

/** What `serve --web` records about itself. */
export interface WebInfo {
  readonly port: number;
  readonly pid: number;
}

/** The saved token, or a new one saved now (also when `rotate`); the file is written 0600. */
export async function loadWebToken(stateDir: string, opts: { rotate?: boolean } = {}): Promise<string> {
  if (!opts.rotate) {
    const saved = (await readFile(webTokenPath(stateDir), 'utf8').catch(() => '')).trim();
    if (TOKEN_RE.test(saved)) return saved;
  }
  const token = newToken();
  await writeFileAtomic(webTokenPath(stateDir), `${token}\n`, { mode: 0o600 });
  return token;
}

/**
 * The current token for each request: re-read when the file changed (a `ui --rotate` from the CLI
 * takes effect at once, old links and cookies stop working). Checks the file at most every 500 ms.
 */
export function tokenSource(stateDir: string, initial: string): () => string {
  let token = initial;
  let checkedAt = 0;
  let mtime = -1;
  return () => {
    const now = Date.now();
    if (now - checkedAt < 500) return token;
    checkedAt = now;
    try {
      const st = statSync(webTokenPath(stateDir));
      if (st.mtimeMs !== mtime) {
        mtime = st.mtimeMs;
        const read = readFileSync(webTokenPath(stateDir), 'utf8').trim();
        if (TOKEN_RE.test(read)) token = read;
      }
    } catch {
      // A deleted file keeps the token in use; `ui --rotate` writes a new one.
    }
    return token;
  };
}

/** Record the running server's port (and our pid) for `ui` and `status`. */
export async function saveWebInfo(stateDir: string, info: WebInfo): Promise<void> {
  await writeFileAtomic(webInfoPath(stateDir), `${JSON.stringify(info)}\n`, { mode: 0o600 });
}

/** The recorded server info, when the file is there and well-formed. */
export async function readWebInfo(stateDir: string): Promise<WebInfo | undefined> {
  try {
    const v = JSON.parse(await readFile(webInfoPath(stateDir), 'utf8')) as Partial<WebInfo>;
    if (Number.isInteger(v.port) && Number.isInteger(v.pid) && (v.port as number) > 0 && (v.port as number) < 65536) return { port: v.port as number, pid: v.pid as number };
  } catch {
    // missing or not ours
  }
  return undefined;
}

/** True while the process `pid` exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The link that opens the UI (the token becomes a cookie on first load). */
export const webLink = (port: number, token: string): string => `http://127.0.0.1:${port}/?token=${token}`;
