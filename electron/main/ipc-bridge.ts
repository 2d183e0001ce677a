// Binds the contract's verbs to Electron IPC: one handler per verb channel, all through one
// wrapper (sender check, then zod validation in dispatchVerb, then an ok/error union).
import type { ContractHandlers, VerbName, VerbResult } from '../contract/channels.js';
import { dispatchVerb } from '../contract/dispatch.js';
import { VERB_NAMES, verbChannel } from '../contract/names.js';
import { type SenderEvent, senderProblem } from './sender-check.js';
import type { TrustedSenders } from './trusted-senders.js';

/** The part of `ipcMain` the bridge uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Inputs of {@link registerVerbs}. */
export interface VerbBridgeOptions {
  readonly ipcMain: IpcMainLike;
  readonly handlers: ContractHandlers;
  readonly trusted: TrustedSenders;
  /** Where refusals are reported (a refused call is a bug or an attack, never routine). */
  readonly warn?: (message: string) => void;
}

/** The wrapper: refuse foreign senders, then validate and run the verb. Never throws. */
export async function guardedCall(opts: Omit<VerbBridgeOptions, 'ipcMain'>, event: SenderEvent, verb: VerbName, input: unknown): Promise<VerbResult<unknown>> {
  const problem = senderProblem(event, opts.trusted);
  if (problem !== undefined) {
    opts.warn?.(`refused IPC ${verb}: ${problem}`);
    return { ok: false, error: { code: 'forbidden', message: 'this window may not call the app' } };
  }
  return dispatchVerb(opts.handlers, verb, input);
}

/** Register every verb of the contract; returns a function that removes them again. */
export function registerVerbs(opts: VerbBridgeOptions): () => void {
  for (const verb of VERB_NAMES) {
    opts.ipcMain.handle(verbChannel(verb), (event: SenderEvent, ...args: unknown[]) => guardedCall(opts, event, verb, args[0]));
  }
  return () => {
    for (const verb of VERB_NAMES) opts.ipcMain.removeHandler(verbChannel(verb));
  };
}
