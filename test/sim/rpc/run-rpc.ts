// `imsg rpc`: open chat.db read-only, then serve JSON-RPC lines until stdin EOF.
import type { SimEnv } from '../sim-env.js';
import { loadContacts } from '../store/contacts.js';
import { openStore, type Store } from '../store/open-store.js';
import { handleLine } from './handle-line.js';
import { serveLines } from './line-reader.js';
import { createOutput } from './output.js';
import { answerWithBanner, CANT_OPEN_LINE, openFailureLine, permissionBanner } from './startup-failure.js';
import { speaksV1 } from './v1/protocol.js';
import { WatchRegistry } from './watch.js';

/** Streams for one server run. */
export interface RpcIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
}

/** Open the store, or describe why it cannot be opened (the banner's first line). */
function tryOpen(dbPath: string, env: SimEnv): Store | string {
  if (env.fdaDenied) return CANT_OPEN_LINE;
  try {
    return openStore(dbPath, loadContacts(env.contactsFile, env.version));
  } catch (err) {
    return openFailureLine(err);
  }
}

/** Serve until stdin EOF; resolves to the exit code (0, or 1 after a 0.9.0 startup failure). */
export async function runRpc(dbPath: string, env: SimEnv, io: RpcIo): Promise<number> {
  const output = createOutput(io.stdout, { crashAfter: env.crashAfter });
  const v1 = speaksV1(env.version);
  const store = tryOpen(dbPath, env);
  if (typeof store === 'string' && !v1) {
    const banner = permissionBanner(store, dbPath);
    await serveLines(io.stdin, async (line) => answerWithBanner(line, banner, output), env.startupDelayMs);
    return 1;
  }
  // In v1 the database is optional at startup: status stays available, the rest is -32002.
  const ctx = typeof store === 'string' ? undefined : { store, env, watches: new WatchRegistry(store, output.notify, env.pollMs) };
  const state = { output, env, dbPath, v1, ctx, dbError: typeof store === 'string' ? store : undefined };
  try {
    await serveLines(io.stdin, (line) => handleLine(line, state), env.startupDelayMs);
  } finally {
    ctx?.watches.closeAll();
    ctx?.store.db.close();
  }
  return 0;
}
