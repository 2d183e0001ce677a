// Every agent: its backend fields, health, "Test agent"; and adding one from a preset.
import type { SettingsView, Snapshot } from '../../../../electron/contract/views.js';
import { agentTestKey, guideKey } from '../../actions/keys.js';
import { AGENT_PRESETS, testAgent, type AgentPreset } from '../../actions/guide-actions.js';
import { setConfigValue } from '../../actions/settings-actions.js';
import { FieldProblems } from '../../components/fields/field-problems.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { Badge } from '../../components/ui/badge.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { agentRowId } from '../../format/attention.js';
import { AGENT_HEALTH } from '../../format/labels.js';
import { BackendFields } from '../guide/agent-step.js';

/** A free id for a new agent ("main", then "agent-2", …). */
export function nextAgentId(agents: readonly { id: string }[]): string {
  if (!agents.some((a) => a.id === 'main')) return 'main';
  for (let n = 2; ; n++) if (!agents.some((a) => a.id === `agent-${n}`)) return `agent-${n}`;
}

/** The agents list with editors; the add buttons append one from a preset. */
export function AgentsEditor({ settings, snapshot }: { readonly settings: SettingsView; readonly snapshot: Snapshot | null }) {
  const agents = settings.agents ?? [];
  const add = (p: AgentPreset) =>
    void setConfigValue(`agents.list[${agents.length}]`, { id: nextAgentId(agents), ...(agents.length === 0 ? { default: true } : {}), backend: AGENT_PRESETS[p].backend }, guideKey('add-agent'));
  return (
    <>
      {agents.length === 0 ? <p className="callout callout-warning">No agent yet: messages are received but not answered. Add one:</p> : null}
      {agents.map((a) => {
        const health = snapshot?.agents.list.find((x) => x.agentId === a.id)?.health;
        const h = health ? AGENT_HEALTH[health.state] : null;
        return (
          <fieldset key={a.id} id={agentRowId(a.id)} className="group-box">
            <legend>
              {a.name ?? a.id}
              {a.default ? ' (default)' : ''} · {typeof a.backend?.type === 'string' ? a.backend.type : 'no backend'}
            </legend>
            {h ? (
              <p>
                <Badge tone={h.tone}>{h.label}</Badge> {health?.cause ? <span className="inline-error">{health.cause}</span> : null}
                {health && health.waiting > 0 ? <span className="muted"> · {health.waiting} waiting</span> : null}
              </p>
            ) : null}
            <BackendFields agent={a} />
            <ActionButton pendingKey={agentTestKey(a.id)} label={`Test agent ${a.name ?? a.id}`} onClick={() => void testAgent(a.id)}>
              Test agent
            </ActionButton>
            <InlineStatus keys={[agentTestKey(a.id)]} />
          </fieldset>
        );
      })}
      <p className="field-label">{agents.length === 0 ? 'Choose one:' : 'Add another agent:'}</p>
      <div className="preset-grid" role="group" aria-label="Add an agent">
        {(Object.keys(AGENT_PRESETS) as AgentPreset[]).map((p) => (
          <ActionButton key={p} pendingKey={guideKey('add-agent')} label={`Add agent: ${AGENT_PRESETS[p].label}`} onClick={() => add(p)}>
            {`+ ${AGENT_PRESETS[p].label}`}
          </ActionButton>
        ))}
      </div>
      <FieldProblems id="add-agent-issues" trackKey={guideKey('add-agent')} />
      <p className="hint">
        API keys stay out of the settings file: put the key in the environment variable you name here.
      </p>
    </>
  );
}
