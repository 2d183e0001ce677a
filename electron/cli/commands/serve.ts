// `imsg-companion serve [--demo]`: run every enabled account headless until SIGTERM/SIGINT.
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Companion } from '../../core/app/companion.js';
import { companionHandlers } from '../../core/app/api.js';
import { tuneV8ForAllDay } from '../../core/app/v8-flags.js';
import { FileLog, serveLogPath } from '../../core/logs/file-log.js';
import { InstanceBusyError } from '../../core/transport/control-owner.js';
import { startControlSocket } from '../../core/transport/control-socket.js';
import { guardPrivileged, refuseFromWeb } from '../../core/transport/privileged-guard.js';
import { startWebServer, type WebServer } from '../../core/transport/web-server.js';
import { loadWebToken, readWebInfo, saveWebInfo, tokenSource } from '../../core/transport/web-token.js';
import { rendererDir } from '../serve/renderer-dir.js';
import type { CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { resolveCliContext } from '../global-flags.js';
import { activityLine } from '../serve/activity-line.js';
import { demoInstructions, setupDemo } from '../serve/demo-setup.js';
import { VERSION } from '../version.js';

/** One line for the root help. */
export const summary = 'Run the companion headless (all enabled accounts) until stopped';
/** Usage text. */
export const usage = `Usage: imsg-companion serve [--demo] [--web [--port N]] [--quiet] [--config PATH] [--state-dir DIR]

Runs every enabled account: watches iMessage through imsg, decides for each message whether to
answer, asks the agent and sends the replies. Stops cleanly on Ctrl+C or SIGTERM (unsubscribes,
finishes replies in flight, stops imsg). The CLI talks to it through <state dir>/control.sock.

  --demo     no Mac needed: a temporary chat.db, the imsg simulator and the echo agent
  --web      also serve the tray UI at http://127.0.0.1:<port>/ (the printed link holds an
             access token; without it every request gets 401). The token is kept in the
             state dir (web-token, 0600), so the link survives restarts; \`imsg-companion ui\`
             prints it again, \`ui --rotate\` replaces it
  --port N   port for --web (default: the last run's port when free, else any free port)
  --quiet    do not print the activity log lines`;

/** The snapshot once every enabled account left `starting` (or after 15 s), for an honest ready line. */
async function settledSnapshot(app: Companion, stopping: () => boolean): Promise<Awaited<ReturnType<Companion['snapshot']>>> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const s = await app.snapshot();
    const settling = s.accounts.some((a) => a.enabled && (a.health.state === 'starting' || a.health.state === 'ready'));
    if (!settling || stopping() || Date.now() > deadline) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Start the web UI with the token saved in the state dir and, unless `--port` says otherwise, on the
 * port of the last run: after a restart the open page, its link and its cookie keep working.
 */
async function startWeb(stateDir: string, base: Omit<Parameters<typeof startWebServer>[0], 'port' | 'token'>, port: number | undefined): Promise<WebServer> {
  const token = tokenSource(stateDir, await loadWebToken(stateDir));
  const last = port === undefined ? (await readWebInfo(stateDir))?.port : undefined;
  let web: WebServer;
  try {
    web = await startWebServer({ ...base, token, port: port ?? last ?? 0 });
  } catch (err) {
    if (port !== undefined || last === undefined || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    web = await startWebServer({ ...base, token, port: 0 }); // the old port is taken now: a new link
  }
  await saveWebInfo(stateDir, { port: web.port, pid: process.pid });
  return web;
}

/** Run until a signal arrives. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let values;
  try {
    ({ values } = parseArgs({ args: [...rest], options: { demo: { type: 'boolean' }, quiet: { type: 'boolean' }, web: { type: 'boolean' }, port: { type: 'string' } }, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected a port number 0-65535, got ${values.port}`);
  if (values.port !== undefined && !values.web) throw new UsageError('--port needs --web');
  const staticDir = values.web ? await rendererDir() : undefined;
  const explicitState = argv.some((a) => a === '--state-dir' || a.startsWith('--state-dir=')) || Boolean(io.env.IMSG_COMPANION_STATE_DIR);
  const demo = values.demo ? await setupDemo(explicitState ? ctx.stateDir : undefined) : undefined;
  const stateDir = demo?.stateDir ?? ctx.stateDir;
  const configPath = demo?.configPath ?? ctx.configPath;
  tuneV8ForAllDay();
  const app = new Companion({ stateDir, configPath, version: VERSION, env: io.env });
  // The control socket is the one lock per state dir (shared with the menu-bar app): take it first.
  let socket;
  try {
    socket = await startControlSocket(stateDir, companionHandlers(app), app.events, { kind: 'serve', version: VERSION });
  } catch (err) {
    if (!(err instanceof InstanceBusyError)) throw err;
    io.stderr.write(`imsg-companion serve: ${err.message}\n`);
    return 1;
  }
  const log = new FileLog({ file: serveLogPath(stateDir) });
  void log.write('info', `imsg Companion ${VERSION} serve starting (pid ${process.pid}, state dir ${stateDir})`);
  app.events.on('activity', (e) => {
    const line = activityLine(e);
    void log.write('info', line);
    if (!values.quiet) io.stdout.write(`${line}\n`);
  });
  // Listening before the start: a SIGTERM while an account is still starting stops gracefully too.
  let stopRequested = false;
  const stopSignal = new Promise<void>((resolve) => {
    // Not `once`: Node drops a once-listener before calling it, and execa's signal-exit (loaded
    // after us when a child restarts) then believes it is alone and re-raises the signal.
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      process.on('SIGINT', () => undefined); // a second Ctrl+C must not kill the graceful stop
      process.on('SIGTERM', () => undefined);
      stopRequested = true;
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
  await app.start();
  let web: WebServer | undefined;
  if (staticDir) web = await startWeb(stateDir, { handlers: guardPrivileged(companionHandlers(app), refuseFromWeb, () => app.configStore.current), events: app.events, staticDir }, values.port === undefined ? undefined : port);
  if (demo) io.stdout.write(`${demoInstructions(demo)}\n`);
  const snapshot = await settledSnapshot(app, () => stopRequested);
  io.stdout.write(`imsg Companion ${VERSION} running (pid ${process.pid}); ${snapshot.overall.text}. Control socket: ${socket.path}\n`);
  void log.write('info', `running; ${snapshot.overall.text}`);
  if (web) io.stdout.write(`Tray UI: ${web.url}\n`);
  await stopSignal;
  io.stdout.write('Stopping: finishing replies in flight…\n');
  // web-ui.json stays: the next run reuses its port, so an open page reconnects (`ui` checks the pid).
  await web?.close();
  await app.stop();
  await socket.close();
  await log.write('info', 'stopped');
  await log.close();
  if (demo && !explicitState) {
    // A demo we created in the temp dir is throwaway; one in a --state-dir the user chose is kept.
    await rm(demo.stateDir, { recursive: true, force: true });
    io.stdout.write(`Removed the demo state dir ${demo.stateDir}.\n`);
  }
  io.stdout.write('Stopped.\n');
  return 0;
}
