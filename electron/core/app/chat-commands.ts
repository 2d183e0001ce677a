// Chat commands from authorized senders (§0.10, §21): /status, /help, /new, /reset, /config set|unset.
import { boundResetText, runAcpCommand } from '../acp/acp-chat-commands.js';
import { resolveAccount } from '../config/accounts.js';
import type { ImsgMessage } from '../imsg/message.js';
import { privilegedKey } from '../config/privileged-keys.js';
import { matchControlCommand, normalizeCommandText } from '../policy/commands.js';
import { conversationPeer } from '../policy/route.js';
import type { AccountRuntime } from './account-runtime.js';
import type { PendingJob } from '../replies/pending-journal.js';

/** The text of `/help`. */
export const HELP_TEXT = [
  'imsg Companion commands:',
  '/status — how the companion and its accounts are doing',
  '/new or /reset — start a fresh conversation with the assistant',
  '/config set KEY VALUE, /config unset KEY — change a setting (when enabled in the config)',
  '/acp spawn AGENT --bind here, /acp close, /acp status — bind this chat to an ACP coding agent',
  '/help — this list',
].join('\n');

/** Run the command in `job` and return the reply text. */
export async function runChatCommand(rt: AccountRuntime, job: PendingJob): Promise<string> {
  const d = job.decision;
  const text = normalizeCommandText(d.bodyText);
  const command = matchControlCommand(text);
  switch (command) {
    case '/help':
      return HELP_TEXT;
    case '/status':
      return rt.deps.statusText();
    case '/new':
    case '/reset':
      return resetSession(rt, job);
    case '/config set':
    case '/config unset':
      return configCommand(rt, command, text.slice(command.length).trim());
    case '/acp spawn':
    case '/acp close':
    case '/acp status':
    case '/acp':
      return runAcpCommand(rt, job, command, text.slice(command.length).trim());
    default:
      return `Unknown command: ${text.slice(0, 40)}`;
  }
}

async function resetSession(rt: AccountRuntime, job: PendingJob): Promise<string> {
  const d = job.decision;
  if (d.historyKey) rt.caches.history?.clear(d.historyKey);
  if (!d.sessionKey) return 'Nothing to reset here.';
  const peer = conversationPeer(d, job.message as ImsgMessage);
  const route = rt.deps.agents().resolve({ accountId: rt.account.accountId, peer });
  if (route.agentId !== null) await route.backend.clearSession?.(d.sessionKey);
  if (route.agentId !== null && route.binding) return boundResetText(rt.deps.acp, route.binding);
  return 'Started a new conversation. Earlier messages are forgotten.';
}

async function configCommand(rt: AccountRuntime, command: '/config set' | '/config unset', args: string): Promise<string> {
  const store = rt.deps.configStore;
  const config = store.current;
  if (config.commands?.config !== true) return 'Config changes from chat are off (set commands.config to true to allow them).';
  const [key = '', ...rest] = args.split(' ');
  if (key === '') return `Usage: ${command} KEY${command === '/config set' ? ' VALUE' : ''}`;
  if (/^channels\.imessage\.?$/.test(key) || key === 'channels') return `Refused: ${key} is too broad; name a field beneath it (e.g. channels.imessage.dmPolicy).`;
  const privileged = privilegedKey(key);
  if (privileged) return `Refused: ${key} cannot be changed from chat: it sets ${privileged.why}. Change it on the Mac (the app's Settings or imsg-companion config set).`;
  const targetAccount = /^channels\.imessage\.accounts\.([^.]+)\./.exec(key)?.[1];
  const writable = rt.account.configWrites && (targetAccount === undefined || safeConfigWrites(config, targetAccount));
  if (!writable) return 'Refused: configWrites is false for this account.';
  const result = command === '/config set' ? await store.setText(key, rest.join(' ')) : await store.unset(key);
  if (!result.ok) return `Not changed: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  return command === '/config set' ? `Set ${key}.` : `Unset ${key}.`;
}

function safeConfigWrites(config: Parameters<typeof resolveAccount>[0], accountId: string): boolean {
  try {
    return resolveAccount(config, accountId).configWrites;
  } catch {
    return false;
  }
}
