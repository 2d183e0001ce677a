// The control socket <stateDir>/control.sock (mode 0600): the CLI talks to a running app here.
// It is also the one lock per state dir shared by the menu-bar app and `serve`: whoever listens
// owns the dir, and a second one is refused with a message naming the first (pid, app or serve).
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { ContractHandlers } from '../../contract/channels.js';
import { withFileLock } from '../fs/file-lock.js';
import { InstanceBusyError, type InstanceKind, type InstanceOwner, OWNER_ROUTE, readOwner } from './control-owner.js';
import { type EventSource, handleApiRequest, reply } from './http-api.js';

/** The socket path of a state directory. */
export function controlSocketPath(stateDir: string): string {
  return join(stateDir, 'control.sock');
}

/** True when something answers on `path` (another app instance). */
export function socketAlive(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect(path);
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

/** Who is starting (defaults: `serve` of this process). */
export interface ControlSocketOwner {
  readonly kind: InstanceKind;
  readonly version: string;
}

/** A listening control socket. */
export interface ControlSocket {
  readonly path: string;
  readonly owner: InstanceOwner;
  close(): Promise<void>;
}

/**
 * Listen on the control socket. A stale socket file (nobody answering) is replaced; a live one
 * means another instance owns the state dir: {@link InstanceBusyError} naming it. The check and
 * the listen run under a file lock, so two starting at once cannot both win.
 */
export async function startControlSocket(stateDir: string, handlers: ContractHandlers, events: EventSource, who: ControlSocketOwner = { kind: 'serve', version: '' }): Promise<ControlSocket> {
  const path = controlSocketPath(stateDir);
  await fs.mkdir(stateDir, { recursive: true, mode: 0o700 });
  const owner: InstanceOwner = { pid: process.pid, kind: who.kind, version: who.version, startedAt: new Date().toISOString() };
  const server: Server = createServer((req, res) => {
    if (req.url === OWNER_ROUTE && req.method === 'GET') return reply(res, 200, { ...owner });
    handleApiRequest(req, res, handlers, events).then(
      (handled) => handled || reply(res, 404, { ok: false, error: { code: 'unknown-verb', message: `no route ${req.method} ${req.url}` } }),
      (err: unknown) => reply(res, 500, { ok: false, error: { code: 'failed', message: String(err) } }),
    );
  });
  await withFileLock(join(stateDir, 'control.lock'), async () => {
    if (await socketAlive(path)) throw new InstanceBusyError(stateDir, await readOwner(path));
    await fs.rm(path, { force: true });
    await listen(server, path);
  });
  return {
    path,
    owner,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
        void fs.rm(path, { force: true });
      }),
  };
}

async function listen(server: Server, path: string): Promise<void> {
  // Only the owner may connect: restrict the umask while the socket file is created.
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
  } finally {
    process.umask(previous);
  }
  await fs.chmod(path, 0o600);
}
