// Run a short command (`imsg --version`, `imsg rpc --help`) with a hard deadline.
import { execa } from 'execa';
import { signalGroup } from '../platform/process-group.js';

/** Outcome of {@link runBounded}; never a rejection. */
export interface BoundedRun {
  /** undefined when it did not exit by itself (timeout, spawn failure, signal). */
  exitCode: number | undefined;
  /** stdout and stderr interleaved, trimmed. */
  output: string;
  timedOut: boolean;
  /** Spawn failure or other execa error text. */
  error?: string;
}

/**
 * Run `file args` with stdin closed. Our own timer decides the deadline (not execa's), so a
 * wrapper script whose grandchild keeps the pipes open cannot make us wait past it.
 */
export async function runBounded(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<BoundedRun> {
  const child = execa(file, [...args], { env, extendEnv: false, stdin: 'ignore', all: true, reject: false, maxBuffer: 1024 * 1024, detached: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(1, timeoutMs));
  });
  try {
    const result = await Promise.race([child, deadline]);
    if (result === 'timeout') {
      // The whole group: a wrapper's grandchild must not live on holding the pipe.
      signalGroup(child.pid, 'SIGKILL');
      return { exitCode: undefined, output: '', timedOut: true };
    }
    const output = typeof result.all === 'string' ? result.all.trim() : '';
    if (result.exitCode === undefined && result.failed && !result.signal) return { exitCode: undefined, output, timedOut: false, error: result.shortMessage };
    return { exitCode: result.exitCode, output, timedOut: false };
  } finally {
    clearTimeout(timer);
  }
}
