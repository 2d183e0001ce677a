// A CompanionApi for component tests, built from the contract: every input and scripted output is
// checked against the contract's zod schemas, so a wrong call fails the test.
import { EVENTS, VERBS, type EventName, type EventPayload, type VerbInput, type VerbName, type VerbOutput, type VerbResult } from '../../electron/contract/channels.js';
import type { CompanionApi, ConnectionState } from '../../renderer/src/api/types.js';

/** A scripted answer: a fixed result, or a function of the input (may return a pending promise). */
export type Responder<V extends VerbName> = VerbResult<VerbOutput<V>> | ((input: VerbInput<V>) => VerbResult<VerbOutput<V>> | Promise<VerbResult<VerbOutput<V>>>);

/** One recorded call. */
export interface RecordedCall {
  readonly verb: VerbName;
  readonly input: unknown;
}

type Listener = (payload: unknown) => void;

/** The fake transport: records calls, returns scripted results, lets tests push events. */
export class FakeApi implements CompanionApi {
  /** Every call, in order. */
  readonly calls: RecordedCall[] = [];
  /** Contract violations (bad input or scripted output); the shared afterEach expects none. */
  readonly violations: string[] = [];
  readonly #responders = new Map<VerbName, Responder<never>>();
  readonly #listeners = new Map<EventName, Set<Listener>>();
  readonly #connection = new Set<(state: ConnectionState) => void>();

  /** Script `verb`'s answer (replaces an earlier one). */
  respond<V extends VerbName>(verb: V, responder: Responder<V>): this {
    this.#responders.set(verb, responder as unknown as Responder<never>);
    return this;
  }

  /** Script a successful answer. */
  ok<V extends VerbName>(verb: V, data: VerbOutput<V>): this {
    return this.respond(verb, { ok: true, data });
  }

  /** Script a failure. */
  fail(verb: VerbName, message: string, code: 'failed' | 'not-found' | 'unavailable' | 'invalid-input' = 'failed'): this {
    return this.respond(verb, { ok: false, error: { code, message } });
  }

  /** Script an answer the test resolves later (to see loading and in-flight states). */
  defer<V extends VerbName>(verb: V): { resolve(result: VerbResult<VerbOutput<V>>): void } {
    let resolve: (r: VerbResult<VerbOutput<V>>) => void = () => undefined;
    this.respond(verb, () => new Promise<VerbResult<VerbOutput<V>>>((r) => (resolve = r)));
    return { resolve: (result) => resolve(result) };
  }

  /** The inputs `verb` was called with, in order. */
  inputsOf<V extends VerbName>(verb: V): VerbInput<V>[] {
    return this.calls.filter((c) => c.verb === verb).map((c) => c.input as VerbInput<V>);
  }

  async call<V extends VerbName>(verb: V, input: VerbInput<V>): Promise<VerbResult<VerbOutput<V>>> {
    this.calls.push({ verb, input });
    const parsed = VERBS[verb].input.safeParse(input);
    if (!parsed.success) {
      this.violations.push(`${verb} input: ${parsed.error.message}`);
      throw new Error(`fake api: invalid input for ${verb}`);
    }
    const responder = this.#responders.get(verb) as Responder<V> | undefined;
    if (!responder) return { ok: false, error: { code: 'unavailable', message: `${verb} is not scripted in this test` } };
    const result = typeof responder === 'function' ? await responder(input) : responder;
    if (result.ok) {
      const out = VERBS[verb].output.safeParse(result.data);
      if (!out.success) this.violations.push(`${verb} output: ${out.error.message}`);
    }
    return result;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    this.#listeners.set(event, set);
    return () => set.delete(listener as Listener);
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.#connection.add(listener);
    return () => this.#connection.delete(listener);
  }

  /** Push an event (validated against the contract) to every subscriber. Wrap in act(). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    EVENTS[event].parse(payload);
    for (const l of this.#listeners.get(event) ?? []) l(payload);
  }

  /** Report a transport state change. Wrap in act(). */
  setConnection(state: ConnectionState): void {
    for (const l of this.#connection) l(state);
  }

  /** How many subscribers `event` has (the app must subscribe once, and clean up). */
  listenerCount(event: EventName): number {
    return this.#listeners.get(event)?.size ?? 0;
  }
}
