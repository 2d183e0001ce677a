// The Activity section: latest decisions (fetched on open, then live), filterable, each with its trace.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Empty, LoadError, Loading } from '../../components/ui/section-states.js';
import { matchesFilter, useActivityStore } from '../../stores/activity-store.js';
import { ActivityFilter } from './activity-filter.js';
import { ActivityRow } from './activity-row.js';

/** The Activity panel. */
export function ActivitySection() {
  const status = useActivityStore((s) => s.status);
  const error = useActivityStore((s) => s.error);
  const total = useActivityStore((s) => s.entries.length);
  const load = useActivityStore((s) => s.load);
  const shown = useActivityStore(useShallow((s) => s.entries.filter((e) => matchesFilter(e, s.kind, s.text))));
  useEffect(() => {
    void load();
  }, [load]);

  let body;
  if (status === 'error' && total === 0) body = <LoadError what="activity" message={error ?? ''} onRetry={() => void load()} />;
  else if ((status === 'loading' || status === 'idle') && total === 0) body = <Loading what="activity" />;
  else if (total === 0) body = <Empty title="No activity yet">Every incoming message and what the assistant decided shows up here.</Empty>;
  else if (shown.length === 0) body = <Empty title="Nothing matches this filter" />;
  else
    body = (
      <ul className="activity-list" aria-label="Activity">
        {shown.map((e) => (
          <ActivityRow key={e.id} entry={e} />
        ))}
      </ul>
    );
  return (
    <>
      <ActivityFilter />
      {body}
    </>
  );
}
