// The single stdout writer: one `write` per line, notifications counted for IMSG_SIM_CRASH_AFTER.
import { encodeJsonLine } from './json-line.js';

/** Where responses and notifications go. */
export interface RpcOutput {
  /** Write a response (or any whole message object). */
  write(message: Record<string, unknown>): void;
  /** Write a `method` notification. */
  notify(method: string, params: Record<string, unknown>): void;
}

/** Options for {@link createOutput}. */
export interface OutputOptions {
  /** Exit abruptly (code 1) after this many notifications. */
  readonly crashAfter?: number;
  /** How to exit for the crash fault (injectable for tests). */
  readonly exit?: (code: number) => void;
}

/** An RpcOutput over `stream`. */
export function createOutput(stream: NodeJS.WritableStream, opts: OutputOptions = {}): RpcOutput {
  let notifications = 0;
  let dead = false;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const writeLine = (message: Record<string, unknown>, then?: () => void): void => {
    if (dead) return;
    // One write per line so lines never interleave, even with a notification mid-request.
    stream.write(`${encodeJsonLine(message)}\n`, then);
  };
  return {
    write: (message) => writeLine(message),
    notify: (method, params) => {
      notifications += 1;
      const crash = opts.crashAfter !== undefined && notifications >= opts.crashAfter;
      writeLine({ jsonrpc: '2.0', method, params }, crash ? () => exit(1) : undefined);
      if (crash) dead = true;
    },
  };
}
