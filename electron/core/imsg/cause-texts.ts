// The words the UI shows for each imsg failure cause: a plain sentence and the concrete fix.
import { bannerDbPath, lineMatching, mentionsAutomationDenied, mentionsFullDiskAccess, mentionsRpcUnsupported } from './error-text.js';

/** Why imsg failed, as a category the UI can explain. */
export type ImsgCauseKind = 'full-disk-access' | 'automation' | 'rpc-unsupported' | 'contacts-wait' | 'not-found' | 'timeout' | 'exited' | 'not-running' | 'rpc' | 'ssh' | 'db-not-found' | 'unknown';

/** A classified failure: a sentence for people, the concrete fix, the technical text. */
export interface ImsgCause {
  kind: ImsgCauseKind;
  summary: string;
  fix?: string;
  detail?: string;
}

/** Full Disk Access missing; `text` is the error/banner text. */
export function fullDiskAccessCause(host: string, text: string): ImsgCause {
  const path = bannerDbPath(text);
  return {
    kind: 'full-disk-access',
    summary: `imsg can't read your Messages history${path ? ` (${path})` : ''} because macOS hasn't given Full Disk Access to ${host}.`,
    fix: `Give Full Disk Access to ${host} in System Settings → Privacy & Security → Full Disk Access (if it is already on, switch it off and on again), then restart ${host}.`,
    detail: lineMatching(text, mentionsFullDiskAccess),
  };
}

/** Automation (Apple events to Messages) refused. */
export function automationCause(host: string, text: string): ImsgCause {
  return {
    kind: 'automation',
    summary: `macOS doesn't allow ${host} to control the Messages app, so replies can't be sent.`,
    fix: `Allow ${host} to control Messages in System Settings → Privacy & Security → Automation, then try again.`,
    detail: lineMatching(text, mentionsAutomationDenied),
  };
}

/** The imsg build has no `rpc` subcommand. */
export function rpcUnsupportedCause(text: string): ImsgCause {
  return {
    kind: 'rpc-unsupported',
    summary: 'The installed imsg is too old: it has no "rpc" mode, which this app needs.',
    fix: 'Update imsg on this Mac: brew update && brew upgrade imsg',
    detail: lineMatching(text, mentionsRpcUnsupported),
  };
}

/** The first request timed out: imsg 0.9–0.13 loads Contacts (or waits for its prompt) before reading stdin. */
export function contactsWaitCause(host: string, timeoutMs: number, detail?: string): ImsgCause {
  return {
    kind: 'contacts-wait',
    summary: `imsg didn't answer its first request within ${Math.round(timeoutMs / 1000)} s. It is probably waiting for Contacts permission, or still loading a large address book.`,
    fix: `Answer the Contacts prompt if one is open (or allow ${host} in System Settings → Privacy & Security → Contacts). imsg 0.14 or later no longer waits for this: brew upgrade imsg`,
    detail,
  };
}

/** A later request timed out. */
export function timeoutCause(host: string, method: string, timeoutMs: number, detail?: string): ImsgCause {
  return { kind: 'timeout', summary: `imsg took longer than ${Math.round(timeoutMs / 1000)} s to answer (${method}).`, fix: `If this keeps happening, quit and reopen ${host}.`, detail };
}

/** The child ended. */
export function exitedCause(host: string, exit: { clean: boolean; code: number | null; signal: string | null }, detail?: string): ImsgCause {
  const summary = exit.clean ? 'imsg stopped.' : exit.code !== null ? `imsg stopped unexpectedly (exit code ${exit.code}).` : `imsg stopped unexpectedly (killed by ${exit.signal}).`;
  return { kind: 'exited', summary, fix: `${host} restarts it automatically; if it keeps stopping, check that imsg works in Terminal: imsg chats --limit 1`, detail };
}

/** The binary is missing (or, with `errno` EACCES, not executable). */
export function notFoundCause(cliPath: string | undefined, errno: string | undefined, detail?: string): ImsgCause {
  const where = cliPath ? ` at ${cliPath}` : '';
  if (errno === 'EACCES') {
    return { kind: 'not-found', summary: `imsg was found${where} but can't be run (it isn't executable).`, fix: `Make it executable (chmod +x ${cliPath ?? 'imsg'}) or point cliPath at the real imsg.`, detail };
  }
  return { kind: 'not-found', summary: `The imsg program wasn't found${where}.`, fix: 'Install imsg on this Mac, or set cliPath in the settings to the full path of the imsg program.', detail };
}
