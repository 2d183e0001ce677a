// `doctor`'s Automation (Messages) lines: probed on a Mac only when asked (the probe may show the
// macOS prompt); SSH accounts get the advice for the Mac and user imsg runs as.
import { remoteGrantCause } from '../imsg/ssh-causes.js';
import { type AutomationVerdict, requestAutomation, type RunOsascript } from './automation.js';

/** One doctor line; `skipped` lines are information, neither a pass nor a failure. */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
  skipped?: boolean;
}

/** Inputs of {@link automationChecks}. */
export interface AutomationCheckOptions {
  readonly macos: boolean;
  /** `--probe-automation`: run the Apple-event probe now. */
  readonly probe: boolean;
  /** Who macOS asks about here (the app, or the terminal that started the CLI). */
  readonly granteeName: string;
  /** Whether some enabled account runs imsg on this Mac. */
  readonly local: boolean;
  /** Enabled accounts whose imsg runs over SSH: account id → host. */
  readonly remote: ReadonlyArray<{ accountId: string; host: string }>;
  readonly runOsascript?: RunOsascript;
}

const SETTINGS = 'System Settings → Privacy & Security → Automation';

/** The lines for this Mac and for each SSH account. */
export async function automationChecks(opts: AutomationCheckOptions): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  if (opts.macos && opts.local) checks.push(opts.probe ? fromVerdict(await requestAutomation({ runOsascript: opts.runOsascript }), opts.granteeName) : notChecked(opts.granteeName));
  for (const { accountId, host } of opts.remote) {
    const advice = remoteGrantCause('automation', host);
    checks.push({ name: `automation (${accountId})`, ok: true, skipped: true, detail: `imsg runs over SSH (${host}); Automation can only be checked there`, fix: advice.fix });
  }
  return checks;
}

function notChecked(grantee: string): DoctorCheck {
  return { name: 'automation', ok: true, skipped: true, detail: `not checked (sending replies needs ${grantee} to control Messages)`, fix: 'run: imsg-companion doctor --probe-automation (macOS may show a prompt: click OK)' };
}

function fromVerdict(v: AutomationVerdict, grantee: string): DoctorCheck {
  const name = 'automation';
  const detail = v.detail ? ` (${v.detail})` : '';
  switch (v.status) {
    case 'granted':
      return { name, ok: true, detail: `${grantee} may control Messages` };
    case 'denied':
      return { name, ok: false, detail: `macOS doesn't allow ${grantee} to control Messages${detail}`, fix: `open ${SETTINGS}, turn on Messages under ${grantee}` };
    case 'not-determined':
      return { name, ok: false, detail: `macOS hasn't asked yet whether ${grantee} may control Messages`, fix: 'run again and click OK when macOS asks' };
    case 'unknown': {
      const why = v.reason === 'messages-not-running' ? "Messages isn't open, so macOS can't tell" : v.reason === 'timeout' ? 'no answer in time (a prompt may be waiting)' : `couldn't check${detail}`;
      return { name, ok: false, detail: why, fix: v.reason === 'messages-not-running' ? 'open Messages, then run again' : `answer the prompt if one is open, or check ${SETTINGS}` };
    }
  }
}
