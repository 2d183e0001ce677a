// Process-level fixture: a temp chat.db and state dir, a config whose imsg is the simulator, and
// `imsg-companion serve` running as a real child process. Messages go in with the in-process
// db writer; what the companion sent is read back with `imsg-sim outbox --json`.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { execa } from 'execa';
import type { ActivityEntry, Snapshot } from '../../electron/contract/views.js';
import { connectControl } from '../../electron/core/transport/control-client.js';
import { CLI_BIN, SIM_BIN } from '../helpers/bins.js';
import { injectMessage, openChatDb, type InjectOptions, type InjectResult } from '../sim/db-writer.js';
import { simEnv } from '../sim/sim-process.js';
import { until } from '../helpers/until.js';
import { killStraySims, type ServeProcess, spawnServe } from './serve-process.js';

export { until } from '../helpers/until.js';
export type { ServeProcess } from './serve-process.js';

/** One row of `imsg-sim outbox --json`. */
export interface OutboxRow {
  readonly id: number;
  readonly chat_id: number;
  readonly text: string;
  readonly is_group: boolean;
  readonly [key: string]: unknown;
}

/** A simulated Mac plus the companion's files. */
export class World {
  readonly db: Database.Database;
  readonly dbPath: string;
  readonly stateDir: string;
  readonly configPath: string;
  readonly #serves: ServeProcess[] = [];

  private constructor(readonly dir: string) {
    this.dbPath = join(dir, 'chat.db');
    this.stateDir = join(dir, 'state');
    this.configPath = join(dir, 'config.json5');
    this.db = openChatDb(this.dbPath);
  }

  /** Create the temp dir, chat.db and a config with `channel` keys and the echo agent. */
  static async create(channel: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<World> {
    const world = new World(await mkdtemp(join(tmpdir(), 'e2e-')));
    await world.writeConfig(channel, extra);
    return world;
  }

  /** The config as the tests write it: the simulator as imsg, this chat.db, the echo agent. */
  config(channel: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      channels: { imessage: { cliPath: SIM_BIN, dbPath: this.dbPath, ...channel } },
      agents: { list: [{ id: 'echo', default: true, backend: { type: 'echo' } }] },
      ...extra,
    };
  }

  /** (Re)write the config file (serve reloads it live). */
  async writeConfig(channel: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<void> {
    await writeFile(this.configPath, `${JSON.stringify(this.config(channel, extra), null, 2)}\n`, { mode: 0o600 });
  }

  /** Insert an inbound message as Messages.app would. */
  inject(opts: InjectOptions): InjectResult {
    // BEGIN IMMEDIATE: take the write lock up front (waiting on imsg's own writes) instead of
    // failing with SQLITE_BUSY when a read snapshot turns stale under a concurrent `send`.
    return this.db.transaction(() => injectMessage(this.db, opts)).immediate();
  }

  /** Every activity entry on disk (rotated files first), oldest first. */
  async activity(): Promise<ActivityEntry[]> {
    const entries: ActivityEntry[] = [];
    for (const name of ['activity.3.jsonl', 'activity.2.jsonl', 'activity.1.jsonl', 'activity.jsonl']) {
      const text = await readFile(join(this.stateDir, name), 'utf8').catch(() => '');
      for (const line of text.split('\n')) if (line.trim() !== '') entries.push(JSON.parse(line) as ActivityEntry);
    }
    return entries;
  }

  /** Number of outgoing rows (cheap, in-process: for waiting). */
  sentCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM message WHERE is_from_me = 1').get() as { n: number }).n;
  }

  /** What the companion sent, via `imsg-sim outbox --db P --json`. */
  async outbox(): Promise<OutboxRow[]> {
    const res = await execa(process.execPath, [SIM_BIN, 'outbox', '--db', this.dbPath, '--json'], { env: simEnv(), extendEnv: false });
    return res.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as OutboxRow);
  }

  /** The environment of the companion child: no inherited IMSG_*, a fast simulator poll. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return simEnv({ IMSG_SIM_POLL_MS: '100', IMSG_COMPANION_STATE_DIR: '', IMSG_COMPANION_CONFIG: '', ...extra });
  }

  /** Run `imsg-companion <command> --config … --state-dir … <rest>` to completion (`input` on its stdin). */
  async cli(args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
    const [command = '', ...rest] = args;
    const argv = [CLI_BIN, command, '--config', this.configPath, '--state-dir', this.stateDir, ...rest];
    const res = await execa(process.execPath, argv, { env: this.env(env), extendEnv: false, reject: false, ...(input !== undefined ? { input } : { stdin: 'ignore' as const }) });
    return { exitCode: res.exitCode, stdout: String(res.stdout), stderr: String(res.stderr) };
  }

  /** Start `serve` and wait until its account is watching (it answers on the control socket); `setup`: only until it answers (no account runs in setup mode). */
  async serve(env: Record<string, string> = {}, opts: { setup?: boolean } = {}): Promise<ServeProcess> {
    const proc = await spawnServe(['--config', this.configPath, '--state-dir', this.stateDir], this.env(env));
    this.#serves.push(proc);
    if (opts.setup) await until(async () => (await this.snapshot())?.setup?.needed === true || undefined, 'serve to answer in setup mode', 30_000, 100);
    else await this.waitWatching();
    return proc;
  }

  /** The running app's snapshot through the control socket, or undefined when none answers. */
  async snapshot(): Promise<Snapshot | undefined> {
    const control = await connectControl(this.stateDir);
    if (!control) return undefined;
    const res = await control.call('status:get', {}, 10_000);
    return res.ok ? res.data : undefined;
  }

  /** Resolve to the pid of the account's `imsg-sim rpc` child once it is watching. */
  async waitWatching(accountId = 'default', timeoutMs = 30_000): Promise<number> {
    return until(
      async () => {
        const h = (await this.snapshot())?.accounts.find((a) => a.accountId === accountId)?.health;
        return h?.state === 'watching' && h.pid !== undefined ? h.pid : undefined;
      },
      `account ${accountId} to watch`,
      timeoutMs,
      100,
    );
  }

  /** Kill every serve still running, close the db, remove the temp dir. */
  async dispose(): Promise<void> {
    for (const s of this.#serves) {
      if (s.child.exitCode === null && s.child.signalCode === null) await s.stop('SIGKILL', 5_000).catch(() => undefined);
    }
    await killStraySims(this.dbPath);
    this.db.close();
    if (existsSync(this.dir)) await rm(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}
