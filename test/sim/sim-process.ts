// Test helper: one-shot `imsg-sim` runs, a clean child environment, and a temp chat.db.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { SIM_BIN } from '../helpers/bins.js';
import { createChatDb } from './db-writer.js';

/** The environment for a child: ours minus IMSG_* (so a developer's shell cannot change results), plus `extra`. */
export function simEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('IMSG_')) env[k] = v;
  return { ...env, ...extra };
}

/** Result of a one-shot CLI run. */
export interface SimRunResult {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `imsg-sim <args>` to completion (optional stdin text and env switches). */
export async function runSim(args: readonly string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<SimRunResult> {
  const res = await execa(process.execPath, [SIM_BIN, ...args], {
    env: simEnv(opts.env),
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' as const }),
  });
  return { exitCode: res.exitCode, stdout: String(res.stdout), stderr: String(res.stderr) };
}

/** A temp dir with an empty chat.db in it; call `cleanup` afterwards. */
export async function makeSimDb(): Promise<{ dir: string; dbPath: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'imsg-sim-'));
  const dbPath = join(dir, 'chat.db');
  createChatDb(dbPath);
  return { dir, dbPath, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
