// The CLI side of the control socket: call a verb on the running app.
import { request } from 'node:http';
import { connect } from 'node:net';
import type { VerbInput, VerbName, VerbOutput, VerbResult } from '../../contract/channels.js';
import { controlSocketPath, socketAlive } from './control-socket.js';

/** Resolves to a client when an app answers on the state dir's socket, else undefined. */
export async function connectControl(stateDir: string): Promise<ControlClient | undefined> {
  const path = controlSocketPath(stateDir);
  return (await socketAlive(path)) ? new ControlClient(path) : undefined;
}

/** Why no client could connect: nobody answers, or an app runs but the socket refuses us (another user's). */
export function controlSocketRefusal(stateDir: string): Promise<'none' | 'forbidden'> {
  const path = controlSocketPath(stateDir);
  return new Promise((resolve) => {
    const sock = connect(path);
    sock.once('connect', () => {
      sock.destroy();
      resolve('none');
    });
    sock.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EACCES' || err.code === 'EPERM' ? 'forbidden' : 'none'));
  });
}

/** Calls verbs over the control socket. */
export class ControlClient {
  constructor(readonly socketPath: string) {}

  /** Call `verb`; resolves to the ok/error union (transport failures become `unavailable`). */
  call<V extends VerbName>(verb: V, input: VerbInput<V>, timeoutMs = 120_000): Promise<VerbResult<VerbOutput<V>>> {
    const body = JSON.stringify(input);
    return new Promise((resolve) => {
      const req = request({ socketPath: this.socketPath, path: `/v1/verb/${verb}`, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as VerbResult<VerbOutput<V>>);
          } catch {
            resolve({ ok: false, error: { code: 'unavailable', message: `bad reply from ${this.socketPath} (HTTP ${res.statusCode})` } });
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (err) => resolve({ ok: false, error: { code: 'unavailable', message: `control socket ${this.socketPath}: ${err.message}` } }));
      req.end(body);
    });
  }
}
