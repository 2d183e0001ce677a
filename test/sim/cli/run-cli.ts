// imsg's CLI routing (spec §1.1): --version anywhere, --help anywhere, commands, exit codes.
import { readSimEnv } from '../sim-env.js';
import { chatsCommand } from './cmd-chats.js';
import { initCommand } from './cmd-init.js';
import { injectCommand } from './cmd-inject.js';
import { outboxCommand } from './cmd-outbox.js';
import { rpcCommand } from './cmd-rpc.js';
import { sendCommand } from './cmd-send.js';
import { statusCommand } from './cmd-status.js';
import type { SimCommand } from './command.js';
import { commandHelp, IMSG_COMMANDS, rootHelp } from './help.js';
import { parseOptions, RUNTIME_OPTIONS } from './options.js';
import { traceSim } from '../sim-trace.js';

const COMMANDS = new Map<string, SimCommand>(
  [rpcCommand, chatsCommand, sendCommand, statusCommand, initCommand, injectCommand, outboxCommand].map((c) => [c.name, c]),
);

/** Process streams and environment the CLI runs with. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Run the simulator CLI; resolves to the exit code. Everything, errors included, goes to stdout as imsg does. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const env = readSimEnv(io.env);
  traceSim(env.traceFile, { argv });
  const out = (text: string): void => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (argv.includes('--version') || argv.includes('-V')) {
    out(env.version);
    return 0;
  }
  const name = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  const command = name !== undefined ? COMMANDS.get(name) : undefined;
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || name === undefined) {
    out(command ? commandHelp(command) : rootHelp(env.version));
    return 0;
  }
  if (!command) {
    const known = IMSG_COMMANDS.some(([n]) => n === name);
    out(known ? `Command '${name}' is not supported by imsg-sim` : `Unknown command: ${name}`);
    return 1;
  }
  try {
    const values = parseOptions(argv.slice(1), [...command.options, ...RUNTIME_OPTIONS]);
    return await command.run(values, { stdin: io.stdin, stdout: io.stdout, env });
  } catch (err) {
    out(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
