// Turns how a watch session ended into an error and a cause the UI can explain.
import { type ImsgCause, classifyImsgError } from './classify-error.js';
import type { DiagnosisContext } from './diagnose.js';
import { ImsgExitedError } from './rpc-errors.js';
import type { SessionEnd } from './watch-session.js';

/** The error and classified cause for a session that did not end by request. */
export function describeEnd(end: Exclude<SessionEnd, { kind: 'stopped' }>, stderrTail: readonly string[], diagnosis: DiagnosisContext = {}): { error: Error; cause: ImsgCause } {
  const error = end.kind === 'exited' ? new ImsgExitedError(end.exit.code, end.exit.signal) : toError(end.error);
  // A failure before the first subscription is the first request: a hang there is the Contacts wait.
  return { error, cause: classifyImsgError(error, { ...diagnosis, firstRequest: !end.watched, stderrTail }) };
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
