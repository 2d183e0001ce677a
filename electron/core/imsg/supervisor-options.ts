// What one account's ImsgSupervisor is built from (supervisor.ts).
import type { BackoffOptions } from './backoff.js';
import type { ClientFactory } from './client-port.js';
import type { DiagnosisContext } from './diagnose.js';
import type { HandledMessage, QueuedMessage } from './inbound-queue.js';
import type { ProbeResult } from './probe.js';

/** Everything one account's supervisor needs. */
export interface SupervisorOptions {
  readonly accountId: string;
  readonly cliPath: string;
  readonly dbPath?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where the watch state lives (`<stateDir>/accounts/<id>/watch-state.json`). */
  readonly stateFile: string;
  /** Extra `watch.subscribe` params, e.g. `{ attachments: true }`. */
  readonly watchParams?: Readonly<Record<string, unknown>>;
  /** The consumer: resolves once decided; the cursor moves once its decision is durable. */
  readonly onMessage: (message: QueuedMessage) => Promise<void | HandledMessage>;
  readonly onHandlerError?: (message: QueuedMessage, err: unknown) => void;
  /** Where the binary checks' answers persist across app restarts (`<stateDir>/imsg-binaries.json`). */
  readonly binaryFactsFile?: string;
  /** A handled message's record could not be written (its log retries it). */
  readonly onUnrecorded?: (message: QueuedMessage, err: unknown) => void;
  /** A payload that cannot be queued (no or a bad id): recorded, counted in health. */
  readonly onInvalid?: (payload: unknown, reason: string) => void;
  /** A line from imsg that is not valid protocol: counted in health, recorded by the app. */
  readonly onProtocolError?: (reason: string) => void;
  /** Work still queued downstream for received messages (replies): a backlog drain waits for room (backlog-drain.ts). */
  readonly downstream?: () => number;
  readonly createClient?: ClientFactory;
  readonly probe?: (opts: { cliPath: string; dbPath?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv; diagnosis?: DiagnosisContext }) => Promise<ProbeResult>;
  /** The account's dbPath and SSH host as known now: failures are worded for them (file not found, SSH advice). */
  readonly diagnosis?: () => DiagnosisContext;
  readonly backoff?: Partial<BackoffOptions>;
  readonly firstRequestTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  readonly pingIntervalMs?: number;
  readonly random?: () => number;
  /** A start (probe and first request) still unanswered after this long shows its cause (default 10 s). */
  readonly slowStartNoticeMs?: number;
}
