// Guide step 4: pick who answers (presets), adjust the model or URL, and "Test agent".
import type { SettingsView, Snapshot } from '../../../../electron/contract/views.js';
import { agentTestKey, guideKey } from '../../actions/keys.js';
import { AGENT_PRESETS, chooseAgentPreset, testAgent, type AgentPreset } from '../../actions/guide-actions.js';
import { FieldProblems } from '../../components/fields/field-problems.js';
import { SecretField } from '../../components/fields/secret-field.js';
import { TextField } from '../../components/fields/text-field.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { InlineStatus } from '../../components/ui/inline-status.js';
import { GuideStep, type StepState } from './guide-step.js';

type Agent = NonNullable<SettingsView['agents']>[number];

/** The backend fields a person edits for each type. */
export function BackendFields({ agent }: { readonly agent: Agent }) {
  const base = `agents.list[${agent.index}].backend`;
  const b = agent.backend ?? {};
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  if (b.type === 'openai')
    return (
      <>
        <TextField label="Server URL" path={`${base}.baseUrl`} value={str('baseUrl')} clearable={false} />
        <TextField label="Model" path={`${base}.model`} value={str('model')} clearable={false} />
        <SecretField label="API key" agentId={agent.id} backendPath={base} field="apiKey" current={b.apiKey} hint="Kept in the secret store, never in the settings file. Leave empty for Ollama and LM Studio." />
        <TextField
          label="API key variable"
          path={`${base}.apiKeyEnv`}
          value={str('apiKeyEnv')}
          hint="Or: the name of the environment variable that holds the key (keys never go in the settings file). Leave empty for Ollama and LM Studio."
        />
      </>
    );
  if (b.type === 'webhook')
    return (
      <>
        <TextField label="Webhook URL" path={`${base}.url`} value={str('url')} clearable={false} />
        <SecretField label="Webhook secret" agentId={agent.id} backendPath={base} field="secret" current={b.secret} hint="Optional: signs each request (HMAC-SHA256). Kept in the secret store, never in the settings file." />
      </>
    );
  if (b.type === 'command')
    return (
      <TextField
        label="Command"
        path={`${base}.argv`}
        value={Array.isArray(b.argv) ? (b.argv as string[]).join(' ') : ''}
        hint="The program and its arguments, separated by spaces. It gets the message on stdin and replies on stdout."
        toValue={(t) => t.split(/\s+/)}
        clearable={false}
      />
    );
  return null;
}

/** Step 4: presets as buttons, then the fields of the default agent and Test agent. */
export function AgentStep({ settings, snapshot }: { readonly settings: SettingsView; readonly snapshot: Snapshot }) {
  const agents = settings.agents ?? [];
  const agent = agents.find((a) => a.default) ?? agents[0];
  const health = agent ? snapshot.agents.list.find((a) => a.agentId === agent.id)?.health : undefined;
  const tested = agent ? agentTestKey(agent.id) : '';
  const state: StepState = !agent ? 'todo' : health?.state === 'failing' || health?.state === 'unavailable' ? 'failing' : health?.state === 'ok' ? 'done' : 'todo';
  return (
    <GuideStep n={4} title="Choose who answers" state={state}>
      <p className="row-summary">{agent ? `Your messages are answered by “${agent.name ?? agent.id}”.` : 'Pick the AI that answers your messages. You can change it any time in Settings.'}</p>
      <div className="preset-grid" role="group" aria-label="Agent presets">
        {(Object.keys(AGENT_PRESETS) as AgentPreset[]).map((p) => (
          <ActionButton key={p} pendingKey={guideKey('agent')} onClick={() => void chooseAgentPreset(p, agent ? agent.index : null)}>
            {AGENT_PRESETS[p].label}
          </ActionButton>
        ))}
      </div>
      <FieldProblems id="guide-agent-issues" trackKey={guideKey('agent')} />
      {agent ? (
        <>
          <BackendFields agent={agent} />
          {health?.cause ? <p className="callout callout-error">{health.cause}</p> : null}
          <ActionButton pendingKey={tested} variant="primary" label={`Test agent ${agent.name ?? agent.id}`} onClick={() => void testAgent(agent.id)}>
            Test agent
          </ActionButton>
          <InlineStatus keys={[tested]} />
        </>
      ) : null}
    </GuideStep>
  );
}
