// Test helper: poke a running demo from outside, as a user would in another terminal.
import { execa } from 'execa';
import { CLI_BIN, SIM_BIN } from '../../helpers/bins.js';
import { simEnv } from '../../sim/sim-process.js';

/** Run a built bin and parse its `--json` stdout; throws with stderr when it fails. */
async function runJson<T>(bin: string, args: readonly string[]): Promise<T> {
  const res = await execa(process.execPath, [bin, ...args], { env: simEnv({ IMSG_COMPANION_STATE_DIR: '' }), extendEnv: false, reject: false, stdin: 'ignore' });
  // `status` exits 1 while an account is failing but still prints its report.
  if (!String(res.stdout).trim().startsWith('{')) {
    throw new Error(`${bin} ${args.join(' ')} exited ${res.exitCode}: ${String(res.stderr)}`);
  }
  return JSON.parse(String(res.stdout)) as T;
}

/** `imsg-sim inject`: a DM from `from` lands in chat.db as Messages.app would write it. */
export async function injectDm(dbPath: string, from: string, text: string): Promise<void> {
  await execa(process.execPath, [SIM_BIN, 'inject', '--db', dbPath, '--from', from, '--text', text], { env: simEnv(), extendEnv: false, stdin: 'ignore' });
}

/** Texts of every message the companion sent (`imsg-sim outbox --json` prints one JSON object a line). */
export async function outboxTexts(dbPath: string): Promise<string[]> {
  const res = await execa(process.execPath, [SIM_BIN, 'outbox', '--db', dbPath, '--json'], { env: simEnv(), extendEnv: false, stdin: 'ignore' });
  return String(res.stdout)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => String((JSON.parse(l) as { text?: unknown }).text ?? ''));
}

/** Approved senders from `imsg-companion pairing approved --json`. */
export async function approvedSenders(stateDir: string): Promise<Array<{ accountId: string; sender: string }>> {
  return (await runJson<{ approved: Array<{ accountId: string; sender: string }> }>(CLI_BIN, ['pairing', 'approved', '--json', '--state-dir', stateDir])).approved;
}

/** Codes of the pending requests from `imsg-companion pairing list --json`. */
export async function pendingCodes(stateDir: string): Promise<string[]> {
  return (await runJson<{ requests: Array<{ code: string }> }>(CLI_BIN, ['pairing', 'list', '--json', '--state-dir', stateDir])).requests.map((r) => r.code);
}

/** First account's supervisor health from `imsg-companion status --json`. */
export async function accountHealth(stateDir: string): Promise<{ state: string; pid?: number }> {
  const report = await runJson<{ accounts: Array<{ health: { state: string; pid?: number } }> }>(CLI_BIN, ['status', '--json', '--state-dir', stateDir]);
  const health = report.accounts[0]?.health;
  if (!health) throw new Error('status --json lists no account');
  return health;
}

/** `imsg-sim inject` into a new group chat named `groupName` (participants include `from`). */
export async function injectGroup(dbPath: string, from: string, groupName: string, participants: readonly string[], text: string): Promise<void> {
  await execa(process.execPath, [SIM_BIN, 'inject', '--db', dbPath, '--from', from, '--group-name', groupName, '--participants', participants.join(','), '--text', text], { env: simEnv(), extendEnv: false, stdin: 'ignore' });
}
