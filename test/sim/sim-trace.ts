// `IMSG_SIM_TRACE=<file>`: one JSON line per invocation and per RPC request, so tests and the
// bench can count what the companion asked (`--version` runs, sessions, `initialize`s) and when.
import { appendFileSync } from 'node:fs';

/** One trace line: an invocation (`argv`) or a request (`method`), `t` in epoch ms. */
export interface SimTraceLine {
  readonly t: number;
  readonly pid: number;
  readonly argv?: readonly string[];
  readonly method?: string;
}

/** Append one line to `file` (no-op without a file); a write failure never breaks the simulator. */
export function traceSim(file: string | undefined, entry: { argv?: readonly string[]; method?: string }): void {
  if (!file) return;
  try {
    // One short O_APPEND write per line: concurrent simulators do not interleave.
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), pid: process.pid, ...entry })}\n`);
  } catch {
    // Tracing is diagnostics only.
  }
}

/** Parse a trace file's text into its lines (oldest first). */
export function readSimTrace(text: string): SimTraceLine[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SimTraceLine);
}
