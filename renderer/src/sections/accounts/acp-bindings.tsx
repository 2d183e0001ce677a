// The bound conversations (ACP bindings) under the accounts: conversation, agent, state, Close.
import type { AcpSessionView } from '../../../../electron/contract/views.js';
import { api } from '../../api/current-api.js';
import { ActionButton } from '../../components/ui/action-button.js';
import { Badge } from '../../components/ui/badge.js';
import type { Tone } from '../../format/labels.js';
import { useUiStore } from '../../stores/ui-store.js';

const STATE: Record<AcpSessionView['state'], { label: string; tone: Tone }> = {
  idle: { label: 'Ready', tone: 'ok' },
  running: { label: 'Working', tone: 'info' },
  starting: { label: 'Starting', tone: 'neutral' },
  error: { label: 'Not running', tone: 'error' },
  closed: { label: 'Closed', tone: 'neutral' },
};

/** The tracked key of one binding's Close button. */
export const acpCloseKey = (id: string) => `acp-close:${id}`;

/** A small list of ACP bindings; nothing when there are none. */
export function AcpBindings({ sessions }: { readonly sessions: readonly AcpSessionView[] | undefined }) {
  if (!sessions || sessions.length === 0) return null;
  return (
    <section className="rows" aria-labelledby="acp-bindings">
      <h3 id="acp-bindings" className="row-title">
        Bound conversations (ACP)
      </h3>
      {sessions.map((s) => (
        <article key={s.id} className="row" aria-label={`ACP binding ${s.id}`}>
          <div className="row-head">
            <span>
              {s.chatName ?? s.conversation} → {s.label ?? s.agentId}
            </span>
            <Badge tone={STATE[s.state].tone}>{STATE[s.state].label}</Badge>
          </div>
          {s.error ? <p className="detail">{s.error}</p> : null}
          <div className="actions">
            <ActionButton pendingKey={acpCloseKey(s.id)} label={`Close ${s.id}`} onClick={() => void useUiStore.getState().track(acpCloseKey(s.id), () => api().call('bindings:close', { id: s.id }))}>
              Close
            </ActionButton>
          </div>
        </article>
      ))}
    </section>
  );
}
