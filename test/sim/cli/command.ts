// The shape of one simulator command (imsg's own or a management one).
import type { SimEnv } from '../sim-env.js';
import type { HelpSpec } from './help.js';
import type { OptionValues } from './options.js';

/** Streams and parsed environment a command runs with. */
export interface CliContext {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly env: SimEnv;
}

/** One command: its help and its body. */
export interface SimCommand extends HelpSpec {
  /** Run with parsed options; resolves to the exit code. Throwing prints the message, exit 1. */
  run(values: OptionValues, ctx: CliContext): Promise<number>;
}
