// The running companion: accounts from the config, each supervised; decisions logged; replies
// delivered; live config reload; crash recovery from the dispatch journal; snapshots pushed.
import type { AcpManager } from '../acp/acp-manager.js';
import { createAcpManager } from '../acp/app-wiring.js';
import type { AcpTiming } from '../acp/session-host.js';
import { acpSessionViews } from '../acp/session-views.js';
import { AgentHealthBook } from '../agents/agent-health.js';
import { probeAgents } from '../agents/agent-probe.js';
import { stopCommandAgents } from '../agents/command-backend.js';
import { AgentRegistry } from '../agents/registry.js';
import { resolveAccounts, type ResolvedAccount } from '../config/accounts.js';
import { ConfigStore } from '../config/config-store.js';
import type { SupervisorOptions } from '../imsg/supervisor.js';
import { PairingStore } from '../pairing/index.js';
import { serveLogPath } from '../logs/file-log.js';
import { createNodePlatform } from '../platform/node-platform.js';
import { basename, dirname } from 'node:path';
import { cleanStaleTemps } from '../fs/stale-temps.js';
import { StorageProblems } from '../fs/storage-problems.js';
import type { PlatformPort } from '../platform/platform-port.js';
import { openSecretStore, type SecretCipher, type SecretStore } from '../secrets/index.js';
import { PermissionsService } from './permissions-service.js';
import { flushAll, type PingResult, pingChildren } from './power-hooks.js';
import type { ActivityEntry, PairingRequestView, Snapshot } from '../../contract/views.js';
import { AccountRuntime } from './account-runtime.js';
import { ActivityLog } from './activity-log.js';
import { readPairingLists, storageProblemsOf } from './companion-snapshot.js';
import { ConversationQueue, type ConversationQueueOptions } from '../replies/conversation-queue.js';
import { Emitter } from './emitter.js';
import { PendingJournal } from '../replies/pending-journal.js';
import { resumeReplies } from '../replies/resume-replies.js';
import { notAnsweredCount, type ReplyControlDeps } from '../replies/reply-control.js';
import { ReplyTracker } from '../replies/reply-tracker.js';
import { SendIntents } from '../replies/send-intents.js';
import { agentViews, waitingText } from './snapshot-replies.js';
import { setupState, type SetupView } from './setup-state.js';
import { buildSnapshot, statusText } from './snapshot.js';
import { SnapshotPusher } from './snapshot-pusher.js';
import { PairingFollowUp } from './pairing-followup.js';
import { watchDir } from './watch-dir.js';
import { notificationsView, QuietClock } from '../notifications/quiet-clock.js';

/** How to run the companion. */
export interface CompanionOptions {
  readonly stateDir: string;
  readonly configPath: string;
  readonly version: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly supervisorOverrides?: Partial<SupervisorOptions>;
  readonly queue?: ConversationQueueOptions;
  /** Reload the config when the file changes (default true). */
  readonly watchConfig?: boolean;
  readonly now?: () => number;
  /** OS services (Electron's in the app; a Node one for headless serve, the default). */
  readonly platform?: PlatformPort;
  /** ACP runtime timing (tests). */
  readonly acpTiming?: Partial<AcpTiming>;
  /** Encrypts the secret store's values (the Mac app's safeStorage); headless: a 0600 file as is. */
  readonly secretCipher?: SecretCipher;
  /** Permission probe seams (tests). */
  readonly permissionProbes?: ConstructorParameters<typeof PermissionsService>[0]['probes'];
}

/** Events pushed to transports. */
export interface CompanionEvents {
  snapshot: Snapshot;
  activity: ActivityEntry;
  'pairing:new': PairingRequestView;
}

/** The headless app; transports (control socket, web, Electron IPC) talk to it through its API. */
export class Companion {
  readonly configStore: ConfigStore;
  readonly pairing: PairingStore;
  readonly activity: ActivityLog;
  readonly journal: PendingJournal;
  readonly intents: SendIntents;
  readonly queue: ConversationQueue;
  /** Each agent's measured health (kept across config reloads). */
  readonly health: AgentHealthBook;
  /** Replies in progress: asking, sending, waiting. */
  readonly tracker = new ReplyTracker();
  readonly events = new Emitter<CompanionEvents>();
  readonly platform: PlatformPort;
  readonly permissions: PermissionsService;
  /** ACP sessions and conversation bindings. */
  readonly acp: AcpManager;
  readonly secrets: SecretStore;
  readonly #opts: CompanionOptions;
  readonly #runtimes = new Map<string, { runtime: AccountRuntime; fingerprint: string }>();
  readonly #startedAt = new Date().toISOString();
  /** Failing state files and since when (status shows them until a write lands). */
  readonly #storage = new StorageProblems();
  #agents: AgentRegistry;
  #paused = false;
  #stops: Array<() => void> = [];
  #last: Snapshot | undefined;
  readonly #pusher = new SnapshotPusher(
    () => this.snapshot(),
    (s) => this.events.emit('snapshot', s),
    () => this.events.has('snapshot'),
  );
  #sync: Promise<void> = Promise.resolve();
  #wasSetup = true;
  readonly #pairingFollowUp: PairingFollowUp;
  // Quiet hours begin or end: a new snapshot flips `notifications.quiet` for the shell and the web page.
  readonly #quiet = new QuietClock(() => this.changed());

  constructor(opts: CompanionOptions) {
    this.#opts = opts;
    this.configStore = new ConfigStore({ path: opts.configPath });
    this.pairing = new PairingStore({ stateDir: opts.stateDir });
    this.activity = new ActivityLog({ file: ActivityLog.fileIn(opts.stateDir) });
    this.journal = new PendingJournal(PendingJournal.fileIn(opts.stateDir));
    this.intents = new SendIntents(SendIntents.fileIn(opts.stateDir));
    this.queue = new ConversationQueue(opts.queue);
    this.acp = createAcpManager({ stateDir: opts.stateDir, env: opts.env ?? process.env, activity: this.activity, runtime: (id) => this.runtime(id), changed: () => this.changed() }, opts.acpTiming);
    this.health = new AgentHealthBook(opts.now ?? Date.now);
    this.health.onChange(() => this.changed());
    this.secrets = openSecretStore(opts.stateDir, opts.secretCipher);
    this.#pairingFollowUp = new PairingFollowUp({ pairing: this.pairing, activity: this.activity, config: () => this.configStore.current, runtime: (id) => this.runtime(id), pairingCreated: (r) => this.events.emit('pairing:new', r), changed: () => this.changed() });
    this.#agents = this.#buildAgents();
    this.activity.onEntry((e) => this.events.emit('activity', e));
    this.platform = opts.platform ?? createNodePlatform({ env: opts.env, logPath: serveLogPath(opts.stateDir) });
    this.permissions = new PermissionsService({
      platform: this.platform,
      accounts: () => this.accounts().filter((a) => a.enabled),
      health: (id) => this.runtime(id)?.supervisor.health(),
      remoteHost: (id) => this.runtime(id)?.remoteHost ?? this.accounts().find((a) => a.accountId === id)?.remoteHost,
      env: opts.env,
      probes: opts.permissionProbes,
    });
  }

  /** The config file in use. */
  get configPath(): string {
    return this.#opts.configPath;
  }

  /** The state directory in use. */
  get stateDir(): string {
    return this.#opts.stateDir;
  }

  /** The environment the app runs with (agents and imsg see it). */
  get env(): NodeJS.ProcessEnv {
    return this.#opts.env ?? process.env;
  }

  /** Load config and state, start every enabled account, re-run replies a crash interrupted. */
  async start(): Promise<void> {
    this.#pusher.start();
    await this.#cleanTemps();
    const loaded = await this.configStore.load();
    this.#wasSetup = this.setup().needed;
    if (this.#wasSetup) await this.activity.append({ accountId: '-', kind: 'system', detail: `setup mode: ${this.setup().reason}; no account runs until a valid config is saved` });
    if (!loaded.ok) await this.activity.append({ accountId: '-', kind: 'system', detail: `config ${loaded.path} is invalid: ${loaded.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` });
    this.#agents = this.#buildAgents();
    await this.activity.loadTail();
    this.intents.load();
    await this.acp.start();
    await this.#syncAccounts();
    await resumeReplies(this.journal, this.activity, (id) => this.runtime(id));
    void probeAgents(this.#agents, this.health);
    if (this.#opts.watchConfig !== false) {
      this.#stops.push(this.configStore.onChange(() => this.reload()));
      this.#stops.push(this.configStore.watch(() => this.changed()));
    }
    // An approval or denial (CLI, tray) frees a slot or earns an approval note: the follow-up sends them.
    this.#stops.push(watchDir(`${this.#opts.stateDir}/credentials`, () => (this.changed(), void this.#pairingFollowUp.run())));
    void this.#pairingFollowUp.run();
    this.#stops.push(this.permissions.onChange(() => this.changed()));
    void this.permissions.check().catch(() => undefined);
    this.changed();
  }

  /** Graceful stop: unsubscribe, finish handling and in-flight replies, stop imsg children. */
  async stop(): Promise<void> {
    for (const stop of this.#stops.splice(0)) stop();
    this.#quiet.stop();
    this.#pairingFollowUp.stop();
    await this.#sync;
    await Promise.all([...this.#runtimes.values()].map(({ runtime }) => runtime.stop()));
    // The drain is over: an agent call still running is ended (TERM, then KILL) and its reply
    // parked for the next start; nothing of its process group outlives the app.
    await stopCommandAgents();
    await this.queue.idle();
    this.#runtimes.clear();
    await this.acp.stop();
    // The UI saw the accounts stop; after this nothing of the app runs any more.
    await this.#pusher.stop();
    // A journal that cannot be written (full disk) keeps what it holds for the next start's
    // load of the file as it is; stopping must still finish.
    await this.journal.close().catch(() => undefined);
    await this.activity.close();
    this.intents.close();
  }

  /** Before sleep: write the journal, the activity log and every account's cursor now. */
  flush(): Promise<void> {
    return flushAll([this.journal, this.activity, ...[...this.#runtimes.values()].map((e) => e.runtime.supervisor)]);
  }

  /** After wake: re-check permissions and ping every imsg child, restarting one that does not answer. */
  async checkHealth(): Promise<PingResult[]> {
    void this.permissions.check().catch(() => undefined);
    const results = await pingChildren(new Map([...this.#runtimes].map(([id, e]) => [id, e.runtime.supervisor])));
    for (const r of results) {
      if (r.outcome === 'restarted') await this.activity.append({ accountId: r.accountId, kind: 'system', detail: `imsg did not answer after the Mac woke (${r.error}); restarted it` });
    }
    this.changed();
    return results;
  }

  /** Re-read the config and restart the accounts whose settings changed. */
  reload(): Promise<void> {
    this.#agents = this.#buildAgents();
    this.health.retain(this.#agents.list().map((a) => a.agentId));
    void probeAgents(this.#agents, this.health);
    this.#sync = this.#sync.then(() => this.#noteSetup()).then(() => this.#syncAccounts()).catch(() => undefined);
    return this.#sync.then(() => {
      void this.permissions.check().catch(() => undefined);
      this.changed();
    });
  }

  /** Pause (stop answering, stop imsg) or resume every account. */
  async setPaused(paused: boolean): Promise<void> {
    this.#paused = paused;
    await this.reload();
  }

  /** Whether the companion is paused. */
  get paused(): boolean {
    return this.#paused;
  }

  /** The runtime of an account, or undefined when it is not running. */
  runtime(accountId: string): AccountRuntime | undefined {
    return this.#runtimes.get(accountId)?.runtime;
  }

  /** The current agent registry. */
  get agents(): AgentRegistry {
    return this.#agents;
  }

  /** Every configured account (enabled or not), resolved; none in setup mode. */
  accounts(): ResolvedAccount[] {
    return this.setup().needed ? [] : resolveAccounts(this.configStore.current);
  }

  /** Whether the companion waits for its first valid config (then no account runs). */
  setup(): SetupView {
    return setupState(this.#opts.configPath, this.configStore.fileState, this.configStore.lastIssues);
  }

  /** Something a snapshot shows changed: push a new snapshot soon (coalesced). */
  changed(): void {
    this.#pusher.changed();
  }

  /** The whole state for the UI and `status`. */
  async snapshot(): Promise<Snapshot> {
    const { pending, approved, blocked, waiting, problem: pairingProblem } = await readPairingLists(this.pairing);
    const issues = [...this.configStore.lastIssues];
    const storageProblems = await this.#storageProblems();
    const now = new Date((this.#opts.now ?? Date.now)());
    const quietHours = this.configStore.current.notifications?.quietHours;
    this.#quiet.arm(quietHours, now);
    this.#last = buildSnapshot({
      version: this.#opts.version,
      startedAt: this.#startedAt,
      paused: this.#paused,
      accounts: this.accounts().map((account) => {
        const runtime = this.runtime(account.accountId);
        return { account, health: runtime?.supervisor.health(), remoteHost: runtime?.remoteHost };
      }),
      pending,
      approved,
      pairingProblem,
      agents: { list: agentViews(this.#agents.list(), this.health, this.tracker) },
      replies: { waiting: this.tracker.waiting(), notAnswered: notAnsweredCount(this.journal), waitingText: waitingText(this.tracker) },
      waiting: waiting.map((w) => ({ accountId: w.accountId, sender: w.meta.sender ?? w.id, firstSeenAt: w.firstSeenAt, lastSeenAt: w.lastSeenAt, count: w.count, ...(w.meta.firstText && { text: w.meta.firstText }) })),
      blocked,
      config: { path: this.#opts.configPath, ok: issues.length === 0, issues, warnings: [...this.configStore.lastWarnings] },
      permissions: this.permissions.current(),
      platform: this.platform.describe(),
      storageProblem: this.journal.lastError ?? this.activity.lastError,
      acp: { sessions: acpSessionViews(this.acp, this.configStore.current) },
      setup: this.setup(),
      storageProblems,
      notifications: notificationsView(quietHours, now),
    });
    return this.#last;
  }

  /** What the reply verbs (list, retry, dismiss) work on. */
  replyDeps(): ReplyControlDeps {
    return { journal: this.journal, activity: this.activity, tracker: this.tracker, intents: this.intents, runtime: (id) => this.runtime(id), now: this.#opts.now ?? Date.now, changed: () => this.changed() };
  }

  /** The `/status` reply from the latest snapshot. */
  statusText(): string {
    return this.#last ? statusText(this.#last) : 'imsg Companion is starting.';
  }

  /** Temps and lock staging dirs a process killed mid-write left behind (kill -9 during `config set`). */
  async #cleanTemps(): Promise<void> {
    const config = basename(this.#opts.configPath);
    const removed = [
      ...(await cleanStaleTemps(dirname(this.#opts.configPath), [`.${config}.`, `${config}.`])),
      ...(await cleanStaleTemps(this.#opts.stateDir)),
      ...(await cleanStaleTemps(this.pairing.paths.dir)),
    ];
    if (removed.length > 0) await this.activity.append({ accountId: '-', kind: 'system', detail: `removed ${removed.length} temp file(s) an interrupted write left behind` });
  }

  /** Every state file's failure, from each owner's last result (a healed file drops out). */
  #storageProblems(): Promise<Array<{ file: string; message: string; since: string }>> {
    return storageProblemsOf({
      book: this.#storage,
      files: [
        { file: this.journal.file, problem: this.journal.lastError },
        { file: ActivityLog.fileIn(this.#opts.stateDir), problem: this.activity.lastError },
        { file: this.intents.file, problem: this.intents.problem },
      ],
      pairing: this.pairing,
      watch: [...this.#runtimes.values()].flatMap(({ runtime }) => runtime.supervisor.storageProblem ?? []),
    });
  }

  #buildAgents(): AgentRegistry {
    return new AgentRegistry(this.configStore.current, { stateDir: this.#opts.stateDir, env: this.#opts.env ?? process.env, acpRuntime: this.acp.factory, chatBindings: () => this.acp.chatBindings(), secrets: this.secrets });
  }

  /** Leaving or entering setup mode is written to the activity log (it starts or stops every account). */
  async #noteSetup(): Promise<void> {
    const setup = this.setup();
    if (setup.needed === this.#wasSetup) return;
    this.#wasSetup = setup.needed;
    await this.activity.append({ accountId: '-', kind: 'system', detail: setup.needed ? `setup mode: ${setup.reason}; every account stops` : `config ${this.#opts.configPath} loaded: set up, starting the accounts` });
  }

  async #syncAccounts(): Promise<void> {
    const wanted = new Map(this.#paused ? [] : this.accounts().filter((a) => a.enabled).map((a) => [a.accountId, a]));
    for (const [id, entry] of [...this.#runtimes]) {
      const next = wanted.get(id);
      if (next && JSON.stringify(next) === entry.fingerprint) continue;
      this.#runtimes.delete(id);
      await entry.runtime.stop();
    }
    for (const [id, account] of wanted) {
      if (this.#runtimes.has(id)) continue;
      const runtime = new AccountRuntime(account, {
        stateDir: this.#opts.stateDir,
        env: this.#opts.env ?? process.env,
        configStore: this.configStore,
        pairing: this.pairing,
        agents: () => this.#agents,
        activity: this.activity,
        journal: this.journal,
        intents: this.intents,
        queue: this.queue,
        health: this.health,
        tracker: this.tracker,
        changed: () => this.changed(),
        pairingCreated: (r) => this.events.emit('pairing:new', r),
        supervisorOverrides: this.#opts.supervisorOverrides,
        now: this.#opts.now ?? Date.now,
        statusText: () => this.statusText(),
        acp: this.acp,
      });
      this.#runtimes.set(id, { runtime, fingerprint: JSON.stringify(account) });
      let watching = false;
      let refused = false;
      runtime.supervisor.onHealth((health) => {
        // Each time the account (re)starts watching, approval notes owed to its senders (approved
        // while it did not run, or while imsg was down) go out.
        const now = health.state === 'watching';
        if (now && !watching) void this.#pairingFollowUp.run();
        watching = now;
        // imsg reporting (or no longer reporting) that macOS refused Automation changes its Permissions row.
        const denied = health.lastError?.cause.kind === 'automation';
        if (denied !== refused) void this.permissions.check(id).catch(() => undefined);
        refused = denied;
      });
      await runtime.start();
    }
  }
}
