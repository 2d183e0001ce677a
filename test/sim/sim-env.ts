// Environment switches of the simulator: version override and the fault modes.

/** Parsed simulator environment. */
export interface SimEnv {
  /** `IMSG_VERSION` or 0.9.0. */
  readonly version: string;
  /** `IMSG_SIM_FDA=denied`: startup-failure mode (spec §2.6). */
  readonly fdaDenied: boolean;
  /** `IMSG_SIM_AUTOMATION=denied`: sends fail with -1743 (spec §5.1). */
  readonly automationDenied: boolean;
  /** `IMSG_SIM_STARTUP_DELAY_MS`: no stdin line is read before this (the Contacts hang, §2.7). */
  readonly startupDelayMs: number;
  /** `IMSG_SIM_SEND_DELAY_MS`: each send takes this long, blocking later requests. */
  readonly sendDelayMs: number;
  /** `IMSG_SIM_CRASH_AFTER`: exit 1 right after writing this many (≥1) notifications. */
  readonly crashAfter: number | undefined;
  /** `IMSG_SIM_POLL_MS`: the watch fallback poll interval (imsg: 5 s). */
  readonly pollMs: number;
  /** `IMSG_SIM_TRACE`: append invocations and requests to this file (see sim-trace.ts). */
  readonly traceFile?: string;
  /** `IMSG_SIM_CONTACTS`: a JSON file `{handle: name}` standing in for Contacts (imsg ≥ 0.6.0 names senders). */
  readonly contactsFile?: string;
}

/** The imsg version the simulator impersonates. */
export const DEFAULT_VERSION = '0.9.0';

/** True when `version` (semver, pre-release suffix ignored) is at least `since`. */
export function versionAtLeast(version: string, since: readonly [number, number, number]): boolean {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  for (let i = 0; i < 3; i++) {
    const a = Number(m[i + 1]);
    const b = since[i] as number;
    if (a !== b) return a > b;
  }
  return true;
}

/** A non-negative integer env value, else undefined. */
function envInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Read the simulator switches from `env`; malformed values fall back to the defaults. */
export function readSimEnv(env: NodeJS.ProcessEnv): SimEnv {
  const version = env.IMSG_VERSION?.trim();
  const crashAfter = envInt(env.IMSG_SIM_CRASH_AFTER);
  return {
    version: version ? version : DEFAULT_VERSION,
    fdaDenied: env.IMSG_SIM_FDA === 'denied',
    automationDenied: env.IMSG_SIM_AUTOMATION === 'denied',
    startupDelayMs: envInt(env.IMSG_SIM_STARTUP_DELAY_MS) ?? 0,
    sendDelayMs: envInt(env.IMSG_SIM_SEND_DELAY_MS) ?? 0,
    crashAfter: crashAfter !== undefined && crashAfter > 0 ? crashAfter : undefined,
    pollMs: Math.max(1, envInt(env.IMSG_SIM_POLL_MS) ?? 5000),
    ...(env.IMSG_SIM_TRACE?.trim() ? { traceFile: env.IMSG_SIM_TRACE.trim() } : {}),
    ...(env.IMSG_SIM_CONTACTS?.trim() ? { contactsFile: env.IMSG_SIM_CONTACTS.trim() } : {}),
  };
}
