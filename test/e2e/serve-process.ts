// `imsg-companion serve` as a child process: spawned, watched for its ready line, stopped by signal.
import { execa, type ResultPromise } from 'execa';
import { CLI_BIN } from '../helpers/bins.js';
import { until } from '../helpers/until.js';

/** A running `serve`. */
export interface ServeProcess {
  readonly child: ResultPromise;
  readonly pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Send `signal` and resolve to how it ended (SIGKILL after `timeoutMs` if it hangs). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ exitCode: number | undefined; signal: string | undefined; output: string }>;
}

/** Spawn `imsg-companion serve <args>` and collect its output; the caller decides when it counts as started. */
export function startServeChild(args: readonly string[], env: Record<string, string>): ServeProcess {
  // forceKillAfterDelay off: execa would SIGKILL serve 5 s after our SIGTERM, so a slow graceful
  // stop (a loaded machine) looked like serve dying by a signal; `stop`'s own timeout decides.
  const child = execa(process.execPath, [CLI_BIN, 'serve', ...args], { env, extendEnv: false, reject: false, buffer: false, stdin: 'ignore', forceKillAfterDelay: false });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return {
    child,
    pid: child.pid as number,
    output: () => out,
    stop: async (signal = 'SIGTERM', timeoutMs = 30_000) => {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const res = await child;
      clearTimeout(timer);
      return { exitCode: res.exitCode, signal: res.signal, output: out };
    },
  };
}

/** Spawn `imsg-companion serve <args>` and resolve once it printed its ready line. */
export async function spawnServe(args: readonly string[], env: Record<string, string>): Promise<ServeProcess> {
  const proc = startServeChild(args, env);
  let ended = false;
  void proc.child.then(() => (ended = true));
  await until(() => ended || proc.output().includes(' running (pid '), 'serve to print its ready line', 30_000);
  if (ended) throw new Error(`serve exited early:\n${proc.output()}`);
  return proc;
}

/** After a SIGKILLed serve its imsg-sim child may be orphaned: kill the ones using `dbPath`. */
export async function killStraySims(dbPath: string): Promise<void> {
  const res = await execa('pgrep', ['-f', `imsg-sim.js rpc --db ${dbPath}`], { reject: false });
  for (const pid of String(res.stdout).split('\n').filter((p) => /^\d+$/.test(p))) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
