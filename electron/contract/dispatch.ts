// Runs a verb from an untrusted transport: validate the name and input, call, wrap the result.
import { type ContractHandlers, isVerbName, VERBS, type VerbErrorCode, type VerbResult } from './channels.js';

/** An error a handler throws to choose the transport error code. */
export class VerbError extends Error {
  constructor(readonly code: VerbErrorCode, message: string) {
    super(message);
    this.name = 'VerbError';
  }
}

/** Validate `input` against the verb's schema, run its handler, and return an ok/error union. */
export async function dispatchVerb(handlers: ContractHandlers, name: unknown, input: unknown): Promise<VerbResult<unknown>> {
  if (!isVerbName(name)) return { ok: false, error: { code: 'unknown-verb', message: `unknown verb: ${String(name).slice(0, 64)}` } };
  const parsed = VERBS[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.join('.') : 'input';
    return { ok: false, error: { code: 'invalid-input', message: `${name}: ${where}: ${first?.message ?? 'invalid'}` } };
  }
  try {
    const handler = handlers[name] as (i: unknown) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof VerbError) return { ok: false, error: { code: err.code, message: err.message } };
    return { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } };
  }
}
