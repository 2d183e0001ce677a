// Maps any client/probe failure to a cause the UI can explain in plain words, with the fix.
import { automationCause, contactsWaitCause, exitedCause, fullDiskAccessCause, notFoundCause, rpcUnsupportedCause, timeoutCause, type ImsgCause } from './cause-texts.js';
import { firstLine, mentionsAutomationDenied, mentionsFullDiskAccess, mentionsRpcUnsupported } from './error-text.js';
import { type DiagnosisContext, refineCause } from './diagnose.js';
import { ImsgError, ImsgExitedError, ImsgRpcError, ImsgSpawnError, ImsgTimeoutError, rpcDataText } from './rpc-errors.js';
import { sshCause } from './ssh-causes.js';
import { findSshFailure } from './ssh-text.js';

export type { ImsgCause, ImsgCauseKind } from './cause-texts.js';

/** Context the error itself does not carry (the account's dbPath and SSH host refine the cause). */
export interface ClassifyContext extends DiagnosisContext {
  /** The failed request was the client's first (it waits for imsg's Contacts load). */
  firstRequest?: boolean;
  /** The client's stderr ring (also holds non-JSON stdout lines, e.g. the pre-0.8.2 banner). */
  stderrTail?: readonly string[];
  /** The app that must hold the permissions (the process that spawns imsg). */
  hostApp?: string;
}

/** Default name used in fix texts. */
export const DEFAULT_HOST_APP = 'imsg Companion';

/** JSON-RPC code imsg 0.14+ uses for "Database unavailable". */
const DATABASE_UNAVAILABLE = -32002;

function errorText(err: unknown): string {
  if (err instanceof ImsgRpcError) return [err.rpcMessage, rpcDataText(err.data)].join('\n');
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err));
}

/** Causes named by the text itself (error message, RPC data, or the diagnostic ring). */
function fromText(text: string, host: string, remoteHost: string | undefined): ImsgCause | undefined {
  if (mentionsFullDiskAccess(text)) return fullDiskAccessCause(host, text);
  if (mentionsAutomationDenied(text)) return automationCause(host, text);
  if (mentionsRpcUnsupported(text)) return rpcUnsupportedCause(text);
  const ssh = findSshFailure(text);
  // "imsg: command not found" is only the remote Mac's answer when imsg runs over SSH.
  if (ssh && (ssh.problem !== 'remote-imsg-missing' || remoteHost)) return sshCause(ssh, remoteHost);
  return undefined;
}

/** Classify any thrown value; never throws. Texts in the error win over the stderr ring, which wins over the error's kind. */
export function classifyImsgError(err: unknown, ctx: ClassifyContext = {}): ImsgCause {
  return refineCause(classifyText(err, ctx), ctx);
}

function classifyText(err: unknown, ctx: ClassifyContext): ImsgCause {
  const host = ctx.hostApp ?? DEFAULT_HOST_APP;
  const text = errorText(err);
  if (err instanceof ImsgRpcError && err.code === DATABASE_UNAVAILABLE) {
    const detail = typeof err.data === 'object' && typeof err.data.detail === 'string' ? err.data.detail : undefined;
    return { ...fullDiskAccessCause(host, text), ...(detail ? { detail } : {}) };
  }
  const named = fromText(text, host, ctx.remoteHost) ?? fromText((ctx.stderrTail ?? []).join('\n'), host, ctx.remoteHost);
  if (named) return { ...named, detail: named.detail || firstLine(text) };
  return fromKind(err, ctx, host, text);
}

function fromKind(err: unknown, ctx: ClassifyContext, host: string, text: string): ImsgCause {
  const detail = firstLine(text) || undefined;
  if (err instanceof ImsgSpawnError) return notFoundCause(err.cliPath, err.errno, detail);
  if (err instanceof ImsgTimeoutError) {
    return (ctx.firstRequest ?? err.firstRequest) ? contactsWaitCause(host, err.timeoutMs, detail) : timeoutCause(host, err.method, err.timeoutMs, detail);
  }
  if (err instanceof ImsgExitedError) return exitedCause(host, err, detail);
  if (err instanceof ImsgError && err.kind === 'not-running') return { kind: 'not-running', summary: "imsg isn't running right now.", detail };
  if (err instanceof ImsgRpcError) {
    return { kind: 'rpc', summary: `imsg reported an error while handling ${err.method}: ${firstLine(rpcDataText(err.data)) || err.rpcMessage}.`, detail: `code ${err.code}: ${text.trim()}` };
  }
  if (/^imsg not found/.test(text)) return notFoundCause(undefined, undefined, detail);
  return { kind: 'unknown', summary: `Something went wrong talking to imsg: ${detail ?? 'unknown error'}.`, detail };
}
