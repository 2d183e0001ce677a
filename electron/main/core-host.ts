// The core inside the main process: a Companion on the macOS state dir and config path
// (resolveStateDir/resolveConfigPath with platform 'darwin'), its handlers, started at launch.
// Starting takes the state dir's control socket first, the same lock `serve` takes, so the app
// and `serve` never both answer, and the CLI reaches the app as it reaches `serve`.
import { companionHandlers } from '../core/app/api.js';
import { Companion } from '../core/app/companion.js';
import { resolveConfigPath } from '../core/config/paths.js';
import type { PlatformPort } from '../core/platform/platform-port.js';
import { type ControlSocket, startControlSocket } from '../core/transport/control-socket.js';
import type { SecretCipher } from '../core/secrets/index.js';
import type { CoreHandle } from './electron-api.js';
import { appStateDir } from './state-dir.js';

/** Inputs of {@link createCore}. */
export interface CoreOptions {
  readonly platform: PlatformPort;
  readonly version: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
  /** The Keychain-backed cipher for the secret store (safeStorage). */
  readonly secretCipher?: SecretCipher;
}

/** Build the Companion the menu-bar app runs (the same core `serve` runs headless). */
export function createCore(opts: CoreOptions): CoreHandle {
  const env = opts.env ?? process.env;
  const stateDir = appStateDir(env, opts.home);
  const configPath = resolveConfigPath({ env, stateDir, home: opts.home });
  const companion = new Companion({ stateDir, configPath, version: opts.version, env, platform: opts.platform, secretCipher: opts.secretCipher });
  const handlers = companionHandlers(companion);
  let socket: ControlSocket | undefined;
  return {
    handlers,
    events: companion.events,
    configPath,
    stateDir,
    config: () => companion.configStore.current,
    start: async () => {
      socket = await startControlSocket(stateDir, handlers, companion.events, { kind: 'app', version: opts.version });
      await companion.start();
    },
    stop: async () => {
      if (!socket) return;
      await companion.stop();
      await socket.close();
      socket = undefined;
    },
    flush: () => companion.flush(),
    checkHealth: () => companion.checkHealth(),
    refresh: () => companion.changed(),
  };
}
