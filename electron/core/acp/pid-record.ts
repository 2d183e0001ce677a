// The ACP agent processes this app started, on disk (`<stateDir>/acp/pids.json`), so a start after
// a crash (or SIGKILL) of the app ends the agents the dead run left behind: no orphans.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { signalGroup as killGroup } from '../platform/process-group.js';

/** One recorded agent process: its pid (= its process group) and the argv it was started with. */
export interface PidEntry {
  readonly pid: number;
  readonly argv: readonly string[];
  readonly startedAt: string;
}

/** True while `pid` exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid file of the running agents. */
export class PidRecord {
  readonly file: string;
  #entries: PidEntry[] = [];
  #writes: Promise<void> = Promise.resolve();

  constructor(stateDir: string) {
    this.file = join(stateDir, 'acp', 'pids.json');
  }

  /** Remember a started agent (written before anything else can go wrong with it). */
  add(entry: PidEntry): Promise<void> {
    this.#entries = [...this.#entries.filter((e) => e.pid !== entry.pid), entry];
    return this.#save();
  }

  /** Forget an agent that ended. */
  remove(pid: number): Promise<void> {
    this.#entries = this.#entries.filter((e) => e.pid !== pid);
    return this.#save();
  }

  /** Pids currently recorded. */
  get pids(): number[] {
    return this.#entries.map((e) => e.pid);
  }

  /**
   * End the agents a previous run recorded and left running. A pid is only signalled when the
   * process table still shows the recorded program there (a reused pid is left alone).
   */
  async reap(): Promise<PidEntry[]> {
    const left = readEntries(this.file);
    const reaped: PidEntry[] = [];
    for (const entry of left) {
      if (!isAlive(entry.pid) || !(await runs(entry.pid, entry.argv))) continue;
      killGroup(entry.pid, 'SIGTERM');
      for (let i = 0; i < 20 && isAlive(entry.pid); i++) await new Promise((r) => setTimeout(r, 50));
      if (isAlive(entry.pid)) killGroup(entry.pid, 'SIGKILL');
      reaped.push(entry);
    }
    this.#entries = [];
    await this.#save();
    return reaped;
  }

  /** Synchronous last resort at process exit: SIGKILL every recorded group. */
  killAllSync(): void {
    for (const e of this.#entries) killGroup(e.pid, 'SIGKILL');
  }

  #save(): Promise<void> {
    const text = `${JSON.stringify({ version: 1, agents: this.#entries }, null, 2)}\n`;
    this.#writes = this.#writes.then(() => writeFileAtomic(this.file, text)).catch(() => undefined);
    return this.#writes;
  }
}

function readEntries(file: string): PidEntry[] {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { agents?: unknown };
    if (!Array.isArray(raw.agents)) return [];
    return raw.agents.filter((e): e is PidEntry => typeof e === 'object' && e !== null && Number.isInteger((e as PidEntry).pid) && (e as PidEntry).pid > 1 && Array.isArray((e as PidEntry).argv) && (e as PidEntry).argv.length > 0);
  } catch {
    return [];
  }
}

/** True when the process table shows the recorded argv (by base names; interpreters may come first) as `pid`. */
async function runs(pid: number, argv: readonly string[]): Promise<boolean> {
  const res = await execa('ps', ['-ww', '-o', 'command=', '-p', String(pid)], { reject: false });
  const shown = String(res.stdout);
  return res.exitCode === 0 && argv.slice(0, 3).every((arg) => shown.includes(basename(String(arg))));
}
