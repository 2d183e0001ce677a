// `imsg-companion logs [--follow] [--lines N]`: print the log of the running app or serve.
import { parseArgs } from 'node:util';
import { existingLogs, type FollowPosition, readFrom, tailLines } from '../../core/logs/log-files.js';
import { connectControl } from '../../core/transport/control-client.js';
import { terminalSafe } from '../../core/logs/log-text.js';
import type { CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'Print the log of the running app or serve (--follow to keep watching)';
/** Usage text. */
export const usage = `Usage: imsg-companion logs [--follow] [--lines N] [--state-dir DIR]

Prints the last lines of the log file: the running instance's (the menu-bar app writes
~/Library/Logs/imsg Companion/main.log, serve writes <state dir>/logs/serve.log), else the newest
of those. --follow keeps printing new lines (also across a rotation) until Ctrl+C.

  --lines N   how many lines to print first (default 50)`;

/** Poll period of --follow (a file watch misses writes on some file systems). */
const FOLLOW_MS = 500;

/** Print the log; exit 1 when there is none. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let values;
  try {
    ({ values } = parseArgs({ args: [...rest], options: { follow: { type: 'boolean', short: 'f' }, lines: { type: 'string', short: 'n' } }, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const lines = values.lines === undefined ? 50 : Number(values.lines);
  if (!Number.isInteger(lines) || lines < 0 || lines > 100_000) throw new UsageError(`--lines: expected a whole number 0-100000, got ${values.lines}`);
  const file = await findLog(ctx.stateDir, io.env);
  if (!file) {
    io.stderr.write(`imsg-companion logs: no log file yet (looked for ${ctx.stateDir}/logs/serve.log${process.platform === 'darwin' ? ' and ~/Library/Logs/imsg Companion/main.log' : ''}). Start the app or serve first.\n`);
    return 1;
  }
  io.stderr.write(`==> ${file} <==\n`);
  const first = await tailLines(file, lines);
  io.stdout.write(terminalSafe(first.text));
  if (!values.follow) return 0;
  let at: FollowPosition = first;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      void readFrom(file, at).then((next) => {
        if (next.rotated) io.stderr.write(`==> ${file} was rotated <==\n`);
        at = next;
        if (next.text) io.stdout.write(terminalSafe(next.text));
      });
    }, FOLLOW_MS);
    const stop = (): void => {
      clearInterval(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** The running instance's log (it knows where it writes), else the newest one on disk. */
async function findLog(stateDir: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const control = await connectControl(stateDir);
  if (control) {
    const status = await control.call('status:get', {}, 5_000);
    const path = status.ok ? status.data.platform.logPath : undefined;
    if (path) return path;
  }
  return (await existingLogs(stateDir, { home: env.HOME }))[0];
}
