// Who owns a state dir: the process answering on its control socket (the menu-bar app or
// `serve`) says so at GET /v1/owner, so a second one can refuse with a message naming it.
import { request } from 'node:http';

/** Which program holds the state dir. */
export type InstanceKind = 'app' | 'serve';

/** The running instance as it describes itself. */
export interface InstanceOwner {
  readonly pid: number;
  readonly kind: InstanceKind;
  readonly version: string;
  readonly startedAt: string;
}

/** The route an owner answers on (not a verb: it works even when the core is still starting). */
export const OWNER_ROUTE = '/v1/owner';

/** "the menu-bar app (pid 42, started …)" or "imsg-companion serve (pid 42, …)". */
export function describeOwner(owner: InstanceOwner | undefined): string {
  if (!owner) return 'another imsg Companion (it did not say which)';
  const what = owner.kind === 'app' ? 'the imsg Companion menu-bar app' : 'imsg-companion serve';
  return `${what} (pid ${owner.pid}, version ${owner.version}, started ${owner.startedAt})`;
}

/** Refusal to start a second instance on a state dir; `owner` is the one already running. */
export class InstanceBusyError extends Error {
  constructor(
    readonly stateDir: string,
    readonly owner: InstanceOwner | undefined,
  ) {
    super(
      `imsg Companion already runs on the state dir ${stateDir}: ${describeOwner(owner)}. ` +
        `Only one may run per state dir (both would answer every message). Quit it first, or talk to it with the imsg-companion CLI.`,
    );
    this.name = 'InstanceBusyError';
  }
}

const isOwner = (v: unknown): v is InstanceOwner => {
  const o = v as Partial<InstanceOwner> | null;
  return typeof o === 'object' && o !== null && Number.isInteger(o.pid) && (o.kind === 'app' || o.kind === 'serve') && typeof o.version === 'string' && typeof o.startedAt === 'string';
};

/** Ask the socket at `socketPath` who it is; undefined when it does not answer or says nonsense. */
export function readOwner(socketPath: string, timeoutMs = 2_000): Promise<InstanceOwner | undefined> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: OWNER_ROUTE, method: 'GET', timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve(isOwner(body) ? body : undefined);
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}
