// Where the state directory and the config file live (flags, then env, then platform default).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { expandHome } from '../fs/expand-home.js';

/** Inputs for {@link resolveStateDir}. */
export interface StateDirInput {
  readonly flag?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/**
 * The state directory: `--state-dir`, else `$IMSG_COMPANION_STATE_DIR`, else
 * `~/Library/Application Support/imsg-companion` on macOS and
 * `${XDG_CONFIG_HOME:-~/.config}/imsg-companion` elsewhere.
 */
export function resolveStateDir(input: StateDirInput): string {
  const home = input.home ?? homedir();
  const explicit = input.flag ?? nonEmpty(input.env.IMSG_COMPANION_STATE_DIR);
  if (explicit) return resolve(expandHome(explicit, home));
  if ((input.platform ?? process.platform) === 'darwin') return join(home, 'Library', 'Application Support', 'imsg-companion');
  const xdg = nonEmpty(input.env.XDG_CONFIG_HOME);
  return join(xdg ? resolve(expandHome(xdg, home)) : join(home, '.config'), 'imsg-companion');
}

/** The config file: `--config`, else `$IMSG_COMPANION_CONFIG`, else `<stateDir>/config.json5`. */
export function resolveConfigPath(input: { readonly flag?: string; readonly env: NodeJS.ProcessEnv; readonly stateDir: string; readonly home?: string }): string {
  const explicit = input.flag ?? nonEmpty(input.env.IMSG_COMPANION_CONFIG);
  if (explicit) return resolve(expandHome(explicit, input.home ?? homedir()));
  return join(input.stateDir, 'config.json5');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
