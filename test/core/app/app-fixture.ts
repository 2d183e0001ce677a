// Test fixture: a real Companion (stores, policy, agents, queue, journal) whose imsg is the
// in-memory fake, in a temp state dir. Used by the orchestrator unit tests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Companion } from '../../../electron/core/app/companion.js';
import type { ConversationQueueOptions } from '../../../electron/core/replies/conversation-queue.js';
import type { ActivityEntry } from '../../../electron/contract/views.js';
import { PendingJournal } from '../../../electron/core/replies/pending-journal.js';
import { closeFakeOpenAis } from './fake-openai.js';
import { MemoryImsg } from './memory-imsg.js';
import { until } from '../../helpers/until.js';

export { until } from '../../helpers/until.js';

/** A started companion over {@link MemoryImsg}. */
export interface AppFixture {
  readonly dir: string;
  readonly configPath: string;
  readonly app: Companion;
  readonly imsg: MemoryImsg;
  /** The first activity entry (oldest first) matching `pred`, waiting up to `timeoutMs`. */
  activity(pred: (e: ActivityEntry) => boolean, timeoutMs?: number): Promise<ActivityEntry>;
  /** Stop the app and remove the state dir (kept with `keepDir`, for a restart on it). */
  stop(opts?: { keepDir?: boolean }): Promise<void>;
}

const started = new Set<AppFixture>();

/** afterEach: close the fake servers (so no reply stays parked), then stop every app a test started. */
export async function cleanup(): Promise<void> {
  await closeFakeOpenAis();
  for (const f of [...started].reverse()) await f.stop();
  started.clear();
}

/** Job ids pending in the journal file of a state dir (none when it does not exist); reading only. */
export async function journalIds(stateDir: string): Promise<string[]> {
  const { jobs } = await new PendingJournal(PendingJournal.fileIn(stateDir)).load();
  return jobs.map((j) => j.id);
}

/** Write `config` (JSON) to a temp state dir, start a Companion on it and wait until it watches. */
export async function startApp(config: Record<string, unknown>, opts: { queue?: ConversationQueueOptions; watchConfig?: boolean; dir?: string } = {}): Promise<AppFixture> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'app-unit-')));
  const configPath = join(dir, 'config.json5');
  await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  const imsg = new MemoryImsg();
  const app = new Companion({ stateDir: dir, configPath, version: 'test', env: process.env, supervisorOverrides: imsg.overrides(), queue: opts.queue, watchConfig: opts.watchConfig ?? false });
  let stopped = false;
  const stop = async (o: { keepDir?: boolean } = {}): Promise<void> => {
    if (!stopped) await app.stop();
    stopped = true;
    if (o.keepDir) return;
    // A snapshot still reading the pairing store when stop() returned may add (or recreate) lock
    // files under credentials/ while we remove it: retry, then once more after it settled.
    const removal = { recursive: true, force: true, maxRetries: 5, retryDelay: 50 };
    await rm(dir, removal);
    await new Promise((r) => setTimeout(r, 100));
    await rm(dir, removal);
  };
  try {
    await app.start();
    if (app.configStore.lastIssues.length > 0) throw new Error(`test config invalid: ${JSON.stringify(app.configStore.lastIssues)}`);
    await until(() => imsg.watching && app.runtime('default')?.supervisor.health().state === 'watching', 'the account to watch');
  } catch (err) {
    await stop();
    throw err;
  }
  const fixture: AppFixture = {
    dir,
    configPath,
    app,
    imsg,
    activity: (pred, timeoutMs = 10_000) => until(() => app.activity.list({ limit: 1000 }).reverse().find(pred), 'an activity entry', timeoutMs),
    stop,
  };
  started.add(fixture);
  return fixture;
}

/** A channel config for the fixture: imsg is faked, so cliPath only has to pass validation. */
export function channel(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { cliPath: 'imsg', ...extra };
}

/** The echo agent (no prefix) as the only agent. */
export const ECHO_AGENTS = { list: [{ id: 'echo', default: true, backend: { type: 'echo' } }] };
