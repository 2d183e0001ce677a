// The environment a `command` backend runs with: a short allowlist, never the app's whole env.
import { resolve } from 'node:path';
import { expandHome } from '../fs/expand-home.js';
import { buildSpawnEnv } from '../imsg/spawn-env.js';
import { findBinary, isPathLike } from '../imsg/find-binary.js';

/** Variables every command gets (when set), besides the names its `env` lists. */
export const BASE_COMMAND_ENV = ['PATH', 'HOME', 'LANG'] as const;

/** PATH, HOME, LANG and the listed `names` from `env` (unset ones left out); PATH gains Homebrew's dirs as for imsg. */
export function commandEnv(names: readonly string[] | undefined, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const picked: NodeJS.ProcessEnv = {};
  for (const name of [...BASE_COMMAND_ENV, ...(names ?? [])]) if (env[name] !== undefined) picked[name] = env[name];
  return buildSpawnEnv(picked);
}

/** The working directory with `~` expanded, or undefined for the app's own. */
export function commandCwd(cwd: string | undefined, home?: string): string | undefined {
  return cwd === undefined ? undefined : resolve(expandHome(cwd.trim(), home));
}

/** Where `program` resolves for a spawn with `cwd` and `env` (relative paths from cwd), or undefined when not executable. */
export function resolveProgram(program: string, cwd: string | undefined, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const relative = isPathLike(program) && !program.startsWith('~') && !program.startsWith('/');
  return findBinary(relative && cwd ? resolve(cwd, program) : program, env);
}
