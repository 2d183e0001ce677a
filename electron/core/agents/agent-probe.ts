// A first measurement of agents never used yet, so status can say "ok" or "cannot reach …" before
// the first message: GET /v1/models (openai), healthUrl (webhook), the program exists (command).
import type { AgentHealthBook } from './agent-health.js';
import type { AgentRegistry } from './registry.js';

/** "agent "x" (openai): cannot reach …" → "cannot reach …" (the view names the agent already). */
export function withoutAgentPrefix(text: string): string {
  return text.replace(/^agent "[^"]*" \([^)]*\): /, '');
}

/** Probe each agent of `registry` not known to be ok (never measured, or failing: a config edit may have fixed it); never rejects. */
export async function probeAgents(registry: AgentRegistry, book: AgentHealthBook): Promise<void> {
  await Promise.all(
    registry.list().map(async ({ agentId }) => {
      const before = book.get(agentId);
      if (before?.state === 'ok') return;
      try {
        const backend = registry.get(agentId);
        const result = backend?.probe ? await backend.probe() : await backend?.check?.();
        // A real call may have measured it meanwhile: that is fresher than the probe.
        if (result && book.get(agentId) === before) book.probed(agentId, { ok: result.ok, detail: withoutAgentPrefix(result.detail) });
      } catch {
        // A backend that cannot even be built is reported by its first call.
      }
    }),
  );
}
