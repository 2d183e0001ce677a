// Where an OpenClaw/Clawdbot install keeps its config and its iMessage pairing approvals.
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expandHome } from '../fs/expand-home.js';

/** The config files `config import --openclaw` tries, in order, when no PATH is given. */
export function openClawCandidates(env: NodeJS.ProcessEnv, home: string): string[] {
  const stateDir = env.OPENCLAW_STATE_DIR?.trim();
  return [...(stateDir ? [join(resolve(expandHome(stateDir, home)), 'openclaw.json')] : []), join(home, '.openclaw', 'openclaw.json'), join(home, '.clawdbot', 'clawdbot.json')];
}

/** The first candidate that exists, or undefined. */
export async function findOpenClawConfig(env: NodeJS.ProcessEnv, home: string): Promise<string | undefined> {
  for (const file of openClawCandidates(env, home)) {
    if (await fs.stat(file).then((s) => s.isFile(), () => false)) return file;
  }
  return undefined;
}

/** The credentials folder next to a config file (`OPENCLAW_OAUTH_DIR` overrides it, as in OpenClaw). */
export function openClawCredentialsDir(configFile: string, env: NodeJS.ProcessEnv): string {
  const override = env.OPENCLAW_OAUTH_DIR?.trim();
  return override ? resolve(override) : join(dirname(configFile), 'credentials');
}

const ACCOUNT_FILE = /^imessage-([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})-allowFrom\.json$/;

/** Approved senders per account from OpenClaw's pairing store; the legacy unscoped file counts for `default`. */
export async function readOpenClawApprovals(credentialsDir: string): Promise<{ approvals: Map<string, string[]>; problems: string[] }> {
  const approvals = new Map<string, string[]>();
  const problems: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(credentialsDir);
  } catch {
    return { approvals, problems };
  }
  for (const name of names.sort()) {
    const account = name === 'imessage-allowFrom.json' ? 'default' : ACCOUNT_FILE.exec(name)?.[1]?.toLowerCase();
    if (account === undefined) continue;
    try {
      const data = JSON.parse(await fs.readFile(join(credentialsDir, name), 'utf8')) as { allowFrom?: unknown };
      if (!Array.isArray(data.allowFrom)) throw new Error('no allowFrom list');
      const senders = data.allowFrom.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim()).filter((v) => v !== '' && v !== '*');
      approvals.set(account, [...new Set([...(approvals.get(account) ?? []), ...senders])]);
    } catch (err) {
      problems.push(`${join(credentialsDir, name)}: ${(err as Error).message}; skipped`);
    }
  }
  return { approvals, problems };
}
