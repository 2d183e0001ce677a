// What every account runtime shares with the companion (stores, log, queue, config, events).
import type { AcpManager } from '../acp/acp-manager.js';
import type { AgentHealthBook } from '../agents/agent-health.js';
import type { AgentRegistry } from '../agents/registry.js';
import type { ConfigStore } from '../config/config-store.js';
import type { PairingStore } from '../pairing/index.js';
import type { SupervisorOptions } from '../imsg/supervisor.js';
import type { PairingRequestView } from '../../contract/views.js';
import type { ActivityLog } from './activity-log.js';
import type { ConversationQueue } from '../replies/conversation-queue.js';
import type { PendingJournal } from '../replies/pending-journal.js';
import type { ReplyTracker } from '../replies/reply-tracker.js';
import type { SendIntents } from '../replies/send-intents.js';

/** Shared services handed to each {@link AccountRuntime}. */
export interface RuntimeDeps {
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly configStore: ConfigStore;
  readonly pairing: PairingStore;
  /** The current agent registry (rebuilt when the config changes). */
  readonly agents: () => AgentRegistry;
  readonly activity: ActivityLog;
  readonly journal: PendingJournal;
  /** What each reply is about to send, for the after-crash check. */
  readonly intents: SendIntents;
  readonly queue: ConversationQueue;
  /** Each agent's measured health, and the gate that spaces calls to a failing one. */
  readonly health: AgentHealthBook;
  /** Where each reply in progress stands (asking, sending, waiting). */
  readonly tracker: ReplyTracker;
  /** Something changed that a snapshot shows (health, pairing, …). */
  readonly changed: () => void;
  readonly pairingCreated: (request: PairingRequestView) => void;
  /** Test/bench/demo overrides for the supervisor (backoff, timeouts, env). */
  readonly supervisorOverrides?: Partial<SupervisorOptions>;
  /** Clock (ms). */
  readonly now: () => number;
  /** Replies to a chat command (`/status`): a short summary of the whole app. */
  readonly statusText: () => string;
  /** The ACP runtime (chat bindings, `/acp` commands, permission answers); unset in bare tests. */
  readonly acp?: AcpManager;
}
