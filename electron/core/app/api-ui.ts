// The verbs issue 13's UI added: Unblock, "Test agent", and the cliPath picker (main's own in the
// Mac app; every other transport answers `unavailable` with the command to use instead).
import type { ContractHandlers } from '../../contract/channels.js';
import { VerbError } from '../../contract/dispatch.js';
import { cliPathHowTo, cliPathTarget } from '../platform/cli-path-target.js';
import type { Companion } from './companion.js';

/** The verbs {@link uiHandlers} implements. */
export type UiVerb = 'pairing:unblock' | 'agents:test' | 'account:pick-cli-path';

/** What the test question asks; short, so any model answers quickly. */
export const AGENT_TEST_TEXT = 'This is a test from imsg Companion. Please reply with a short greeting.';

/** Build the handlers of {@link UiVerb}. */
export function uiHandlers(app: Companion): Pick<ContractHandlers, UiVerb> {
  return {
    'pairing:unblock': async ({ sender, accountId }) => {
      const unblocked = await app.pairing.unblock(sender, accountId);
      if (unblocked) await app.activity.append({ accountId: accountId ?? '-', kind: 'pairing', sender, detail: `unblocked ${sender}` });
      app.changed();
      return { unblocked };
    },
    'account:pick-cli-path': async ({ accountId }) => {
      throw new VerbError('unavailable', cliPathHowTo(cliPathTarget(app.configStore.current, accountId).key, app.configPath));
    },
    'agents:test': async ({ agentId }) => {
      const list = app.agents.list();
      const id = agentId ?? list.find((a) => a.default)?.agentId ?? list[0]?.agentId;
      const backend = id === undefined ? undefined : app.agents.get(id);
      if (!backend || id === undefined) throw new VerbError('not-found', agentId ? `No agent "${agentId.slice(0, 64)}".` : 'No agent configured yet.');
      const started = Date.now();
      const signal = AbortSignal.timeout(60_000);
      try {
        const reply = await backend.reply({ agentId: id, accountId: '-', sessionKey: `agent-test:${id}:${started}`, text: AGENT_TEST_TEXT, context: { Body: AGENT_TEST_TEXT, Test: true }, signal });
        return { ok: true, reply: reply.text ?? '(the agent chose not to reply)', durationMs: Date.now() - started };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err), durationMs: Date.now() - started };
      }
    },
  };
}
