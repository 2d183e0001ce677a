// The control socket <stateDir>/control.sock (mode 0600): the CLI talks to a running app here.
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { ContractHandlers } from '../../contract/channels.js';
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

/**
 * Listen on the control socket. A stale socket file (nobody answering) is replaced; a live one
 * means the app already runs, which is an error naming the path.
 */
export async function startControlSocket(stateDir: string, handlers: ContractHandlers, events: EventSource): Promise<{ path: string; close(): Promise<void> }> {
  const path = controlSocketPath(stateDir);
  await fs.mkdir(stateDir, { recursive: true, mode: 0o700 });
  if (await socketAlive(path)) throw new Error(`imsg Companion is already running (control socket ${path} answers)`);
  await fs.rm(path, { force: true });
  const server: Server = createServer((req, res) => {
    handleApiRequest(req, res, handlers, events).then(
      (handled) => handled || reply(res, 404, { ok: false, error: { code: 'unknown-verb', message: `no route ${req.method} ${req.url}` } }),
      (err: unknown) => reply(res, 500, { ok: false, error: { code: 'failed', message: String(err) } }),
    );
  });
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
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
        void fs.rm(path, { force: true });
      }),
  };
}
