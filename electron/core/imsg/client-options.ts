// Options of ImsgClient (kept apart so ports and factories can import them cheaply).
import type { SpawnChild } from './spawn-child.js';
import type { StopDelays } from './stop-child.js';

/** How to spawn and talk to `imsg rpc`. */
export interface ImsgClientOptions {
  /** '~' expanded; may be an SSH wrapper script. */
  cliPath: string;
  /** Adds `--db <expanded>`. */
  dbPath?: string;
  /** Base env (default process.env), passed through buildSpawnEnv. */
  env?: NodeJS.ProcessEnv;
  /** Default 10 000; <= 0 disables. */
  requestTimeoutMs?: number;
  /** Default 30 000: the first request waits for imsg's Contacts load. */
  firstRequestTimeoutMs?: number;
  /** stderr ring size, default 200. */
  stderrLines?: number;
  /** Longest stdout line accepted (characters), default 8 MiB. */
  maxLineChars?: number;
  /** Test seam: how the child is started (default execa). */
  spawn?: SpawnChild;
  /** Test seam: shutdown escalation delays. */
  stopDelays?: StopDelays;
}
