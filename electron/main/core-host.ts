// The core inside the main process: a Companion on the macOS state dir and config path
// (resolveStateDir/resolveConfigPath with platform 'darwin'), its handlers, started at launch.
import { companionHandlers } from '../core/app/api.js';
import { Companion } from '../core/app/companion.js';
import { resolveConfigPath, resolveStateDir } from '../core/config/paths.js';
import type { PlatformPort } from '../core/platform/platform-port.js';
import type { CoreHandle } from './electron-api.js';

/** Inputs of {@link createCore}. */
export interface CoreOptions {
  readonly platform: PlatformPort;
  readonly version: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
}

/** Build the Companion the menu-bar app runs (the same core `serve` runs headless). */
export function createCore(opts: CoreOptions): CoreHandle {
  const env = opts.env ?? process.env;
  // The app is macOS-only; 'darwin' keeps a dev run on another OS on the same layout.
  const stateDir = resolveStateDir({ env, platform: 'darwin', home: opts.home });
  const configPath = resolveConfigPath({ env, stateDir, home: opts.home });
  const companion = new Companion({ stateDir, configPath, version: opts.version, env, platform: opts.platform });
  return {
    handlers: companionHandlers(companion),
    events: companion.events,
    configPath,
    stateDir,
    start: () => companion.start(),
    stop: () => companion.stop(),
  };
}
