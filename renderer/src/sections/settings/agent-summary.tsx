// A read-only line about the agent backend; editing the backend happens in the config file.
import type { SettingsView } from '../../../../electron/contract/views.js';

/** The one backend field worth showing per type (secrets never are: the config only names env vars). */
const MAIN_FIELDS: ReadonlyArray<readonly [key: string, label: string]> = [
  ['model', 'Model'],
  ['url', 'URL'],
  ['argv', 'Command'],
];

function mainField(backend: Record<string, unknown> | undefined): readonly [string, string] | null {
  for (const [key, label] of MAIN_FIELDS) {
    const v = backend?.[key];
    if (typeof v === 'string' && v) return [label, v];
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return [label, v.join(' ')];
  }
  return null;
}

/** The agent block: name, backend type and its main field. */
export function AgentSummary({ agent, problem }: { readonly agent: SettingsView['agent']; readonly problem?: string }) {
  if (!agent) {
    return (
      <p className="callout callout-warning">
        No agent configured: messages are received but not answered. Add one under <code>agents</code> in the config file.
      </p>
    );
  }
  const type = typeof agent.backend?.type === 'string' ? agent.backend.type : 'unknown';
  const field = mainField(agent.backend);
  return (
    <div className="agent">
      <dl className="facts">
        <dt>Agent</dt>
        <dd>{agent.name ?? agent.id}</dd>
        <dt>Backend</dt>
        <dd>{type}</dd>
        {field ? (
          <>
            <dt>{field[0]}</dt>
            <dd className="mono">{field[1]}</dd>
          </>
        ) : null}
      </dl>
      {problem ? <p className="callout callout-error">{problem}</p> : null}
    </div>
  );
}
