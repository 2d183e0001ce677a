// Test helper: a real `imsg-companion serve --demo --web` process in a temp state dir.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { CLI_BIN } from '../../helpers/bins.js';
import { simEnv } from '../../sim/sim-process.js';

/** A running demo server and how to reach it. */
export interface ServeProcess {
  /** The printed `Tray UI:` link, token included. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly stateDir: string;
  /** The demo chat.db the simulator watches. */
  readonly dbPath: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** SIGTERM, wait for the exit and remove the state dir; resolves to the exit code, or the signal that killed it. */
  stop(): Promise<number | string | undefined>;
}

const TRAY_LINE = /^Tray UI: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m;

/** Options of {@link startServe}. */
export interface ServeOptions {
  readonly timeoutMs?: number;
  /** Reuse this state dir (a restart) and keep it on stop; default: a fresh temp dir removed on stop. */
  readonly stateDir?: string;
  /** false: plain `serve --web` (no demo config, e.g. the first-run guide). Default true. */
  readonly demo?: boolean;
  /** Extra environment (PATH with a fake imsg, HOME). */
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
}

/** Start the demo server and wait (up to `timeoutMs`) for its `Tray UI:` line. */
export async function startServe(optsOrTimeout: number | ServeOptions = 25_000): Promise<ServeProcess> {
  const opts: ServeOptions = typeof optsOrTimeout === 'number' ? { timeoutMs: optsOrTimeout } : optsOrTimeout;
  const timeoutMs = opts.timeoutMs ?? 25_000;
  const keep = opts.stateDir !== undefined;
  const stateDir = opts.stateDir ?? (await mkdtemp(join(tmpdir(), 'web-e2e-')));
  // Poll fast so injected messages show up within the UI's 2 s budget.
  const child: ResultPromise = execa(process.execPath, [CLI_BIN, 'serve', ...(opts.demo === false ? [] : ['--demo']), '--web', '--state-dir', stateDir, ...(opts.args ?? [])], {
    env: simEnv({ IMSG_SIM_POLL_MS: '100', IMSG_COMPANION_STATE_DIR: '', ...opts.env }),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    // `stop` decides when to SIGKILL (10 s), not execa's default 5 s after our SIGTERM.
    forceKillAfterDelay: false,
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  let exited = false;
  const done = child.then((r) => {
    exited = true;
    return r.exitCode ?? r.signal;
  });
  const stop = async (): Promise<number | string | undefined> => {
    if (!exited) child.kill('SIGTERM');
    // A hung shutdown must not leak the process (and its imsg child) past the test run.
    const hardKill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await done.finally(() => clearTimeout(hardKill));
    if (!keep) await rm(stateDir, { recursive: true, force: true });
    return code;
  };
  const deadline = Date.now() + timeoutMs;
  while (!TRAY_LINE.test(out)) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`serve --demo --web did not print its Tray UI line (${exited ? 'exited' : 'timed out'}):\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const [, url = '', port = '0', token = ''] = TRAY_LINE.exec(out) ?? [];
  return { url, origin: `http://127.0.0.1:${port}`, port: Number(port), token, stateDir, dbPath: join(stateDir, 'demo-chat.db'), output: () => out, stop };
}
