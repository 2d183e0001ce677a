// Automation of Messages without native code (macos-electron §3.4): one harmless Apple event that
// really reaches Messages, only when the user asks (it may show the macOS prompt), never on a timer.
import { execa } from 'execa';

/** The osascript binary (absolute: never looked up on PATH). */
export const OSASCRIPT_BIN = '/usr/bin/osascript';

/**
 * `running` is answered locally (no Apple event, no permission, doesn't launch Messages); only
 * then `count of chats` goes to Messages. `name`/`version` would prove nothing (answered locally).
 */
export const AUTOMATION_SCRIPT: readonly string[] = Object.freeze([
  '-e', 'if application "Messages" is running then',
  '-e', 'tell application "Messages" to return count of chats',
  '-e', 'else',
  '-e', 'return "not-running"',
  '-e', 'end if',
]);

/** What one osascript run did; never a rejection. */
export interface OsascriptRun {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Spawn failure text (osascript missing). */
  error?: string;
}

/** Seam: run `/usr/bin/osascript args` under `timeoutMs`. */
export type RunOsascript = (args: readonly string[], timeoutMs: number) => Promise<OsascriptRun>;

/** Default {@link RunOsascript}: execa, argv array, stdin closed. */
export const runOsascript: RunOsascript = async (args, timeoutMs) => {
  const r = await execa(OSASCRIPT_BIN, [...args], { reject: false, stdin: 'ignore', timeout: timeoutMs, forceKillAfterDelay: 1000, maxBuffer: 64 * 1024 });
  const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  const spawnFailed = r.failed && r.exitCode === undefined && !r.timedOut;
  return { exitCode: r.exitCode, stdout: text(r.stdout), stderr: text(r.stderr), timedOut: r.timedOut, ...(spawnFailed ? { error: r.shortMessage } : {}) };
};

/** Why the Automation status is what it is. */
export type AutomationReason = 'allowed' | 'not-permitted' | 'would-require-consent' | 'messages-not-running' | 'timeout' | 'unavailable' | 'unexpected' | 'bridge' | 'not-checked';

/** The Automation (Messages) verdict. */
export interface AutomationVerdict {
  readonly status: 'granted' | 'denied' | 'not-determined' | 'unknown';
  readonly reason: AutomationReason;
  readonly detail?: string;
  /** ISO time of the probe (or of the bridge error). */
  readonly at: string;
}

const ERROR_CODE = /\((-\d{1,5})\)/;

/** Map an osascript run: -1743 denied, -1744 not asked yet, -600 Messages not running, a count granted. */
export function parseAutomationRun(run: OsascriptRun, at: string): AutomationVerdict {
  const detail = (run.stderr || run.stdout).split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300);
  const verdict = (status: AutomationVerdict['status'], reason: AutomationReason): AutomationVerdict => ({ status, reason, at, ...(detail ? { detail } : {}) });
  if (run.timedOut) return verdict('unknown', 'timeout');
  if (run.error) return { status: 'unknown', reason: 'unavailable', at, detail: run.error.slice(0, 300) };
  if (run.exitCode === 0) {
    if (run.stdout === 'not-running') return verdict('unknown', 'messages-not-running');
    return /^\d+$/.test(run.stdout) ? { status: 'granted', reason: 'allowed', at } : verdict('unknown', 'unexpected');
  }
  const code = ERROR_CODE.exec(run.stderr)?.[1];
  if (code === '-1743') return verdict('denied', 'not-permitted');
  if (code === '-1744') return verdict('not-determined', 'would-require-consent');
  if (code === '-600') return verdict('unknown', 'messages-not-running');
  // -1712: the Apple event timed out (often an unanswered prompt).
  if (code === '-1712') return verdict('unknown', 'timeout');
  return verdict('unknown', 'unexpected');
}

/** Run the probe (may show the macOS prompt: only on the user's click); never throws. */
export async function requestAutomation(opts: { runOsascript?: RunOsascript; timeoutMs?: number; now?: () => number } = {}): Promise<AutomationVerdict> {
  const run = opts.runOsascript ?? runOsascript;
  const at = new Date((opts.now ?? Date.now)()).toISOString();
  try {
    return parseAutomationRun(await run(AUTOMATION_SCRIPT, opts.timeoutMs ?? 60_000), at);
  } catch (err) {
    return { status: 'unknown', reason: 'unavailable', at, detail: (err instanceof Error ? err.message : String(err)).slice(0, 300) };
  }
}
