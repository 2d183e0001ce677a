// Await a promise that must reject with an AgentError, and return that error for further checks.
import { expect } from 'vitest';
import { AgentError } from '../../../electron/core/agents/agent-error.js';

/** The AgentError `promise` rejects with; fails the test when it resolves or rejects otherwise. */
export async function expectAgentError(promise: Promise<unknown>): Promise<AgentError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AgentError);
  return err as AgentError;
}
