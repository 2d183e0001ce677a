// What `init` can find on this Mac: the imsg program and the Messages database.
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findBinary } from '../imsg/find-binary.js';

/** Where Homebrew puts imsg (Apple silicon, then Intel): a Finder-launched app has neither on PATH. */
export const IMSG_LOCATIONS: readonly string[] = ['/opt/homebrew/bin/imsg', '/usr/local/bin/imsg'];

/** What was found, and where it came from. */
export interface Detected {
  /** Absolute path of imsg, if found. */
  readonly imsg?: string;
  readonly imsgVia?: 'PATH' | 'homebrew';
  /** `~/Library/Messages/chat.db` when it exists. */
  readonly chatDb?: string;
  /** The path that was looked at for chat.db. */
  readonly chatDbChecked: string;
}

/** Look for imsg on PATH, then in the Homebrew locations, and for the Messages database. */
export async function detectSetup(opts: { env: NodeJS.ProcessEnv; home?: string; locations?: readonly string[] }): Promise<Detected> {
  const chatDbChecked = join(opts.home ?? homedir(), 'Library', 'Messages', 'chat.db');
  const chatDb = await fs.stat(chatDbChecked).then(
    (s) => (s.isFile() ? chatDbChecked : undefined),
    // EPERM (no Full Disk Access yet) still means it is there.
    (err: NodeJS.ErrnoException) => (err.code === 'EPERM' || err.code === 'EACCES' ? chatDbChecked : undefined),
  );
  const onPath = await findBinary('imsg', opts.env);
  if (onPath) return { imsg: onPath, imsgVia: 'PATH', chatDb, chatDbChecked };
  for (const candidate of opts.locations ?? IMSG_LOCATIONS) {
    const found = await findBinary(candidate, opts.env);
    if (found) return { imsg: found, imsgVia: 'homebrew', chatDb, chatDbChecked };
  }
  return { chatDb, chatDbChecked };
}
