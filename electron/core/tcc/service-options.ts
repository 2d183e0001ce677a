// Inputs of the PermissionsService: the companion's accounts and health, the platform, and seams.
import type { ResolvedAccount } from '../config/accounts.js';
import type { AccountHealth } from '../imsg/health.js';
import type { ProbeOptions, ProbeResult } from '../imsg/probe.js';
import type { PlatformPort } from '../platform/platform-port.js';
import type { RunOsascript } from './automation.js';
import type { ReadHead } from './read-head.js';

/** Inputs of the PermissionsService (app/permissions-service.ts). */
export interface PermissionsServiceOptions {
  platform: PlatformPort;
  /** The enabled accounts. */
  accounts: () => ResolvedAccount[];
  health: (accountId: string) => AccountHealth | undefined;
  /** The SSH host an account really uses (configured or detected from cliPath). Default: `remoteHost` from config. */
  remoteHost?: (accountId: string) => string | undefined;
  probes?: { readHead?: ReadHead; runOsascript?: RunOsascript; probeImsg?: (opts: ProbeOptions) => Promise<ProbeResult> };
  now?: () => number;
  /** Env for the imsg probe (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** How long an imsg probe result is reused (default 30 000 ms). */
  probeTtlMs?: number;
  /** How long check() waits for a fresh imsg probe before answering "Checking…" (default 1500 ms). */
  probeWaitMs?: number;
  fileTimeoutMs?: number;
  automationTimeoutMs?: number;
}
