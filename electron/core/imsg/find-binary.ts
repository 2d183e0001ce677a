// Locate the imsg executable the way spawn will: path-like values directly, bare names on PATH.
import { constants, promises as fs } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { expandHome } from '../fs/expand-home.js';

/** True for values spawn treats as a path rather than a name to look up on PATH. */
export function isPathLike(cliPath: string): boolean {
  return isAbsolute(cliPath) || cliPath.startsWith('.') || cliPath.startsWith('~') || cliPath.includes('/') || cliPath.includes('\\');
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await fs.access(path, constants.X_OK);
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The absolute path of the executable `cliPath` names, or undefined. Path-like values are
 * `~`-expanded and checked with access(X_OK); bare names are searched on `env.PATH` (the spawn
 * env's PATH, so the answer matches what spawn will run), no shell `which`.
 */
export async function findBinary(cliPath: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  // Control characters or an empty value can never name a real executable.
  if (cliPath.trim() === '' || /[\u0000-\u001f]/.test(cliPath)) return undefined;
  if (isPathLike(cliPath)) {
    const path = resolve(expandHome(cliPath));
    return (await isExecutableFile(path)) ? path : undefined;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, cliPath);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}
