// Test fixture: a temp chat.db plus a supervisor whose imsg is the real simulator process.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { QueuedMessage } from '../../electron/core/imsg/inbound-queue.js';
import { ImsgSupervisor, type SupervisorOptions } from '../../electron/core/imsg/supervisor.js';
import { injectMessage, openChatDb, type InjectOptions, type InjectResult } from '../sim/db-writer.js';
import { SIM_BIN } from './bins.js';

/** A running supervisor over a simulator, with the messages its consumer received. */
export interface SimAccount {
  readonly dir: string;
  readonly dbPath: string;
  readonly db: Database.Database;
  readonly received: QueuedMessage[];
  supervisor: ImsgSupervisor;
  inject(opts: InjectOptions): InjectResult;
  /** A new supervisor over the same state file (an app restart). */
  restart(extra?: Partial<SupervisorOptions>): ImsgSupervisor;
  dispose(): Promise<void>;
}

/** Create the fixture; `extra` overrides supervisor options (backoff, env, …). */
export async function createSimAccount(extra: Partial<SupervisorOptions> = {}): Promise<SimAccount> {
  const dir = await mkdtemp(join(tmpdir(), 'sim-acct-'));
  const dbPath = join(dir, 'chat.db');
  const db = openChatDb(dbPath);
  const received: QueuedMessage[] = [];
  const build = (more: Partial<SupervisorOptions>): ImsgSupervisor =>
    new ImsgSupervisor({
      accountId: 'default',
      cliPath: SIM_BIN,
      dbPath,
      stateFile: join(dir, 'state', 'watch-state.json'),
      env: { ...process.env, IMSG_SIM_POLL_MS: '100' },
      watchParams: { debounce_ms: 20 },
      onMessage: async (m) => void received.push(m),
      backoff: { baseMs: 50, maxMs: 400, jitterRatio: 0.1, stableMs: 60_000 },
      firstRequestTimeoutMs: 15_000,
      requestTimeoutMs: 10_000,
      pingIntervalMs: 60_000,
      ...extra,
      ...more,
    });
  const account: SimAccount = {
    dir,
    dbPath,
    db,
    received,
    supervisor: build({}),
    inject: (opts) => injectMessage(db, opts),
    restart: (more = {}) => (account.supervisor = build(more)),
    dispose: async () => {
      await account.supervisor.stop();
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return account;
}
