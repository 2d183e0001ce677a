// The one way the headless platform starts macOS helpers: a fixed program, an argv array, a deadline.
import { execa } from 'execa';

/** The macOS `open` tool (absolute: never looked up on PATH). */
export const OPEN_BIN = '/usr/bin/open';

/** What a helper run did; never a rejection. */
export interface HelperRun {
  /** undefined when it didn't exit by itself (timeout, spawn failure). */
  exitCode: number | undefined;
  stderr: string;
  timedOut?: boolean;
}

/** Seam for running `file args` (tests record the argv arrays instead of spawning). */
export type RunHelper = (file: string, args: readonly string[]) => Promise<HelperRun>;

/** Run with execa (no shell, stdin closed, 10 s deadline); errors become a non-zero result. */
export const runHelper: RunHelper = async (file, args) => {
  const result = await execa(file, [...args], { reject: false, stdin: 'ignore', timeout: 10_000, maxBuffer: 64 * 1024 });
  const stderr = typeof result.stderr === 'string' ? result.stderr.trim() : '';
  return { exitCode: result.exitCode, stderr: stderr || (result.failed ? (result.shortMessage ?? '') : ''), timedOut: result.timedOut };
};

/** A short reason for a failed run, for the UI's detail line. */
export function runFailure(file: string, run: HelperRun): string {
  if (run.timedOut) return `${file} didn't finish in time.`;
  const first = run.stderr.split('\n')[0]?.trim();
  return `${file} failed${run.exitCode === undefined ? '' : ` (exit code ${run.exitCode})`}${first ? `: ${first}` : ''}.`;
}
