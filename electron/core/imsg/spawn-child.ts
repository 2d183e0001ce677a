// The child-process port of the client: execa in production, in-memory streams in tests.
import type { Readable, Writable } from 'node:stream';
import { execa } from 'execa';
import { signalGroup } from '../platform/process-group.js';

/** How a child ended. */
export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What the client needs from a spawned `imsg rpc`. */
export interface ChildHandle {
  readonly pid: number | undefined;
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Settles once the process exited and its stdout/stderr are closed (all output was read). */
  readonly closed: Promise<ExitInfo>;
  /** Send a signal; false when the process is already gone. */
  kill(signal: NodeJS.Signals): boolean;
}

/** Starts a child; rejects with Node's error (ENOENT, EACCES, …) when it cannot be spawned. */
export type SpawnChild = (file: string, args: readonly string[], env: NodeJS.ProcessEnv) => Promise<ChildHandle>;

/** Spawn with execa: argv array, no shell, all three stdio piped, output streamed not buffered. */
export const spawnWithExeca: SpawnChild = (file, args, env) => {
  const child = execa(file, [...args], {
    env,
    extendEnv: false,
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    stripFinalNewline: false,
    // Its own process group: a stop reaches what a wrapper script started too.
    detached: true,
  });
  // reject:false still leaves the promise settling with a failure result; nothing to catch here,
  // but guard anyway so an execa internal error can never become an unhandled rejection.
  child.catch(() => undefined);
  const { stdin, stdout, stderr } = child;
  if (!stdin || !stdout || !stderr) return Promise.reject(new Error('imsg child has no stdio pipes'));
  const closed = new Promise<ExitInfo>((resolve) => {
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
  });
  return new Promise<ChildHandle>((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () => {
      child.off('error', reject);
      resolve({ pid: child.pid, stdin, stdout, stderr, closed, kill: (signal) => signalGroup(child.pid, signal) });
    });
  });
};
