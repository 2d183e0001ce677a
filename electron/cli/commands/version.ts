// `imsg-companion version`: print the version (same as --version).
import type { CommandIo } from '../command.js';
import { VERSION } from '../version.js';

/** One line for the root help. */
export const summary = 'Print the version';
/** Usage text. */
export const usage = 'Usage: imsg-companion version\n\nPrints the imsg Companion version.';

/** Print the version. */
export async function run(_argv: readonly string[], io: CommandIo): Promise<number> {
  io.stdout.write(`${VERSION}\n`);
  return 0;
}
