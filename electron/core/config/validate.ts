// Validate a parsed config object and expand `~` in path values, with plain-language issues.
import { homedir } from 'node:os';
import { expandHome } from '../fs/expand-home.js';
import { agentWarnings, missingChannelWarning } from './agent-rules.js';
import type { ConfigIssue } from './issues.js';
import { plainMessage, toConfigIssues } from './issues.js';
import { applyLegacyKeys } from './legacy-keys.js';
import { openClawFileIssue } from './openclaw-detect.js';
import type { AppConfig } from './schema.js';
import { AppConfigSchema } from './schema.js';

/** Outcome of {@link validateConfig}; `warnings` are problems that do not stop the config loading. */
export type ValidateResult = { ok: true; config: AppConfig; warnings: ConfigIssue[] } | { ok: false; issues: ConfigIssue[] };

/** Options for {@link validateConfig}. */
export interface ValidateOptions {
  /** Home directory for `~` expansion (default: the current user's). */
  readonly home?: string;
}

/** Validate `raw` (already parsed JSON5) against the schema; never throws. */
export function validateConfig(raw: unknown, opts: ValidateOptions = {}): ValidateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '', message: 'expected an object at the top level of the file' }] };
  }
  const whole = openClawFileIssue(raw);
  if (whole) return { ok: false, issues: [whole] };
  try {
    const legacy = applyLegacyKeys(raw as Record<string, unknown>);
    const parsed = AppConfigSchema.safeParse(legacy.raw, { error: plainMessage });
    if (!parsed.success || legacy.issues.length > 0) {
      return { ok: false, issues: [...legacy.issues, ...(parsed.success ? [] : toConfigIssues(parsed.error.issues, [], AppConfigSchema))] };
    }
    const { routing: _checked, ...data } = parsed.data;
    const config = expandConfigPaths(data, opts.home ?? homedir());
    return { ok: true, config, warnings: [...legacy.warnings, ...missingChannelWarning(config), ...agentWarnings(config)] };
  } catch (err) {
    // A validator bug must not crash the app or lose the last good config; report it instead.
    return { ok: false, issues: [{ path: '', message: `internal validation error: ${err instanceof Error ? err.message : String(err)}` }] };
  }
}

type PathKeys = { cliPath?: string; dbPath?: string };

function expandEntry<T extends PathKeys>(entry: T, home: string): T {
  const out = { ...entry };
  // Keys ending in "path" get `~` expanded at load, as in the reference (§6).
  if (out.cliPath !== undefined) out.cliPath = expandHome(out.cliPath.trim(), home);
  if (out.dbPath !== undefined) out.dbPath = expandHome(out.dbPath.trim(), home);
  return out;
}

/** A copy of `config` with `~` expanded in cliPath/dbPath at channel and account level. */
export function expandConfigPaths(config: AppConfig, home: string = homedir()): AppConfig {
  const channel = config.channels?.imessage;
  if (!channel) return config;
  const accounts = channel.accounts && Object.fromEntries(Object.entries(channel.accounts).map(([id, a]) => [id, expandEntry(a, home)]));
  const imessage = { ...expandEntry(channel, home), ...(accounts && { accounts }) };
  return { ...config, channels: { ...config.channels, imessage } };
}
