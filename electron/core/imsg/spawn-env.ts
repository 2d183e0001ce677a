// The environment imsg is spawned with: launchd hands apps a minimal PATH without Homebrew.

/** Directories put first so a Homebrew imsg (and anything a wrapper script calls) is found. */
export const PREFERRED_PATH_DIRS: readonly string[] = ['/opt/homebrew/bin', '/usr/local/bin'];

/** PATH for spawning imsg: /opt/homebrew/bin and /usr/local/bin first (launchd's minimal PATH), then the inherited one, de-duplicated. */
export function buildSpawnEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = (base.PATH ?? '').split(':');
  const dirs = [...new Set([...PREFERRED_PATH_DIRS, ...inherited].filter((dir) => dir !== ''))];
  return { ...base, PATH: dirs.join(':') };
}
