// The process port of the remote fetch: execa in production, a spy in tests.
import { existsSync } from 'node:fs';
import { execa } from 'execa';

/** How one scp run ended. */
export interface ScpOutcome {
  /** Exit code; null when the process never ran or was killed. */
  exitCode: number | null;
  stderr: string;
  timedOut: boolean;
  /** Node's error code when scp could not be spawned (ENOENT, EACCES, …). */
  spawnError?: string;
}

/** Runs scp with an argv array (never a shell string) and reports how it ended. */
export type ScpRunner = (file: string, args: readonly string[], opts: { timeoutMs: number }) => Promise<ScpOutcome>;

/** `/usr/bin/scp` when it exists (the reference's path), else `scp` looked up on PATH. */
export function scpBinary(exists: (p: string) => boolean = existsSync): string {
  return exists('/usr/bin/scp') ? '/usr/bin/scp' : 'scp';
}

/** Run scp with execa: no stdin (BatchMode never prompts anyway), stderr captured, killed on timeout. */
export const runScp: ScpRunner = async (file, args, { timeoutMs }) => {
  const result = await execa(file, [...args], {
    reject: false,
    timeout: timeoutMs,
    stdin: 'ignore',
    stdout: 'ignore',
    stderr: 'pipe',
    forceKillAfterDelay: 2000,
  });
  const spawnError = result.exitCode === undefined && !result.timedOut ? ((result as { code?: unknown }).code ?? result.originalMessage) : undefined;
  return {
    exitCode: result.exitCode ?? null,
    stderr: typeof result.stderr === 'string' ? result.stderr : '',
    timedOut: result.timedOut,
    ...(spawnError !== undefined ? { spawnError: String(spawnError) } : {}),
  };
};
