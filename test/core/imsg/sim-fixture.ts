// A throwaway chat.db plus an `imsg` wrapper script around the built simulator.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { SIM_BIN } from '../../helpers/bins.js';

/** A temp dir holding `chat.db` and an executable `imsg` that runs the simulator. */
export interface SimFixture {
  dir: string;
  db: string;
  cli: string;
  /** Run `imsg-sim <args>` and return stdout. */
  sim(...args: string[]): Promise<string>;
  /** Insert an inbound message; returns the new message's ROWID. */
  inject(from: string, text: string): Promise<number>;
  remove(): Promise<void>;
}

/** Create the fixture (runs `imsg-sim init`). */
export async function createSimFixture(): Promise<SimFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'imsg-client-sim-'));
  const db = join(dir, 'chat.db');
  const cli = join(dir, 'imsg');
  await writeFile(cli, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(SIM_BIN)} "$@"\n`);
  await chmod(cli, 0o755);
  const sim = async (...args: string[]): Promise<string> => (await execa(process.execPath, [SIM_BIN, ...args])).stdout;
  await sim('init', '--db', db);
  return {
    dir,
    db,
    cli,
    sim,
    inject: async (from, text) => (JSON.parse(await sim('inject', '--db', db, '--from', from, '--text', text)) as { id: number }).id,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
