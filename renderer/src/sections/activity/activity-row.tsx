// One activity line: time, sender, decision badge with its reason, preview; click for the trace.
import type { ActivityEntry } from '../../../../electron/contract/views.js';
import { Badge } from '../../components/ui/badge.js';
import { DECISION, ENTRY_KIND, OUTCOME, OWN_REPLY_COPY } from '../../format/labels.js';
import { formatClock } from '../../format/time.js';
import { useUiStore } from '../../stores/ui-store.js';
import { DecisionTrace } from './decision-trace.js';

/** Props of {@link ActivityRow}. */
export interface ActivityRowProps {
  readonly entry: ActivityEntry;
}

/** An activity row; a row with a trace or detail is a disclosure button. */
export function ActivityRow({ entry }: ActivityRowProps) {
  const key = `activity:${entry.id}`;
  const expanded = useUiStore((s) => s.expanded[key] ?? false);
  const toggle = useUiStore((s) => s.toggle);
  const badge = entry.ownReplyCopy ? OWN_REPLY_COPY : entry.outcome ? OUTCOME[entry.outcome] : entry.decision ? DECISION[entry.decision] : ENTRY_KIND[entry.kind];
  const expandable = (entry.steps?.length ?? 0) > 0 || Boolean(entry.detail);
  const traceId = `trace-${entry.id}`;
  const summary = (
    <>
      <span className="activity-top">
        <time dateTime={entry.at} title={new Date(entry.at).toLocaleString()} className="muted">
          {formatClock(entry.at)}
        </time>
        <span className="sender">{entry.sender ?? entry.accountId}</span>
        <Badge tone={badge.tone}>{entry.reason && !entry.ownReplyCopy ? `${badge.label} · ${entry.reason}` : badge.label}</Badge>
      </span>
      {entry.preview ? <span className="preview">{entry.preview}</span> : null}
    </>
  );
  return (
    <li className={entry.ownReplyCopy ? 'activity own-copy' : 'activity'}>
      {expandable ? (
        <button type="button" className="activity-button" aria-expanded={expanded} aria-controls={expanded ? traceId : undefined} onClick={() => toggle(key)}>
          {summary}
        </button>
      ) : (
        <div className="activity-button static">{summary}</div>
      )}
      {expanded ? <DecisionTrace id={traceId} entry={entry} /> : null}
    </li>
  );
}
