// Permission requests (`session/request_permission`) as a chat question with numbered options:
// the next message in that conversation from an authorized sender answers it; a timeout rejects.
import type { PermissionOption, RequestPermissionRequest, RequestPermissionResponse } from '@agentclientprotocol/sdk';

/** How a question ended. */
export type QuestionOutcome = { kind: 'selected'; option: PermissionOption } | { kind: 'timeout' } | { kind: 'cancelled' } | { kind: 'invalid'; text: string };

interface Pending {
  readonly options: readonly PermissionOption[];
  readonly resolve: (outcome: QuestionOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

/** The question text sent to the chat. */
export function formatQuestion(req: RequestPermissionRequest, timeoutSeconds: number): string {
  const what = req.toolCall.title?.trim() || 'run a tool';
  const lines = req.options.map((o, i) => `${i + 1}. ${o.name}`);
  return [`The agent asks permission: ${what}`, ...lines, `Reply with the number (no answer within ${timeoutSeconds} s declines).`].join('\n');
}

/** The option an answer names: its number, or its name (case-insensitive). */
export function pickOption(text: string, options: readonly PermissionOption[]): PermissionOption | undefined {
  const answer = text.trim().replace(/[.!)]$/, '').toLowerCase();
  const n = /^\d+$/.test(answer) ? Number(answer) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= options.length) return options[n - 1];
  return options.find((o) => o.name.trim().toLowerCase() === answer);
}

/** The option that declines (reject once, else reject always), or undefined when there is none. */
export function rejectOption(options: readonly PermissionOption[]): PermissionOption | undefined {
  return options.find((o) => o.kind === 'reject_once') ?? options.find((o) => o.kind === 'reject_always');
}

/** The ACP response for an outcome: the chosen option, else the reject option, else `cancelled`. */
export function permissionResponse(outcome: QuestionOutcome, options: readonly PermissionOption[]): RequestPermissionResponse {
  if (outcome.kind === 'selected') return { outcome: { outcome: 'selected', optionId: outcome.option.optionId } };
  const reject = outcome.kind === 'cancelled' ? undefined : rejectOption(options);
  return reject ? { outcome: { outcome: 'selected', optionId: reject.optionId } } : { outcome: { outcome: 'cancelled' } };
}

/** Open questions, one per conversation (`<account>|<reply target>`). */
export class PermissionRelay {
  readonly #pending = new Map<string, Pending>();

  /** Wait for the answer to a question just sent to conversation `key`. */
  ask(key: string, options: readonly PermissionOption[], timeoutMs: number): Promise<QuestionOutcome> {
    this.cancel(key);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#settle(key, { kind: 'timeout' }), timeoutMs);
      timer.unref?.();
      this.#pending.set(key, { options, resolve, timer });
    });
  }

  /** True while conversation `key` has an open question. */
  has(key: string): boolean {
    return this.#pending.has(key);
  }

  /** Take `text` as the answer to `key`'s question; undefined when none is open. */
  answer(key: string, text: string): QuestionOutcome | undefined {
    const pending = this.#pending.get(key);
    if (!pending) return undefined;
    const option = pickOption(text, pending.options);
    const outcome: QuestionOutcome = option ? { kind: 'selected', option } : { kind: 'invalid', text };
    this.#settle(key, outcome);
    return outcome;
  }

  /** End `key`'s open question as cancelled (the prompt was cancelled or the session closed). */
  cancel(key: string): void {
    this.#settle(key, { kind: 'cancelled' });
  }

  /** Cancel every open question (shutdown). */
  cancelAll(): void {
    for (const key of [...this.#pending.keys()]) this.cancel(key);
  }

  #settle(key: string, outcome: QuestionOutcome): void {
    const pending = this.#pending.get(key);
    if (!pending) return;
    this.#pending.delete(key);
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}
