// `imsg-companion ui [--rotate] [--open]`: the link to the web UI of a running `serve --web`.
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { loadWebToken, processAlive, readWebInfo, webLink } from '../../core/transport/web-token.js';
import type { CommandIo } from '../command.js';
import { UsageError } from '../command.js';
import { resolveCliContext } from '../global-flags.js';

/** One line for the root help. */
export const summary = 'Print (or open) the link to the web UI; --rotate makes a new one';
/** Usage text. */
export const usage = `Usage: imsg-companion ui [--rotate] [--open] [--state-dir DIR]

Prints the link of the web UI that \`imsg-companion serve --web\` runs (it holds the access token,
kept in <state dir>/web-token with mode 0600, so it survives restarts of serve).

  --rotate   make a new token: the old link and every open page lose access at once
  --open     open the link in the default browser`;

/** The web UI link of a running server in `stateDir`, or undefined when none runs. */
export async function runningWebLink(stateDir: string): Promise<string | undefined> {
  const info = await readWebInfo(stateDir);
  if (!info || !processAlive(info.pid)) return undefined;
  return webLink(info.port, await loadWebToken(stateDir));
}

/** Print (rotate, open) the link; exit 1 when no `serve --web` is running. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { ctx, rest } = resolveCliContext(argv, io.env);
  let values;
  try {
    ({ values } = parseArgs({ args: [...rest], options: { rotate: { type: 'boolean' }, open: { type: 'boolean' } }, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.rotate) {
    await loadWebToken(ctx.stateDir, { rotate: true });
    io.stdout.write('New access token saved; the old link and open pages no longer work.\n');
  }
  const link = await runningWebLink(ctx.stateDir);
  if (!link) {
    io.stderr.write('The web UI is not running. Start it with: imsg-companion serve --web\n');
    return 1;
  }
  io.stdout.write(`${link}\n`);
  if (values.open) {
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    const res = await execa(opener, [link], { reject: false, stdio: 'ignore' });
    if (res.exitCode !== 0) io.stderr.write(`Could not open a browser (${opener}); open the link above yourself.\n`);
  }
  return 0;
}
