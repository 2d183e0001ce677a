// The Conversations filters (All, Needs attention, Answered, Not answered, Skipped) and the search box.
import { useId } from 'react';
import { type MessageGroup as Filter, useMessagesStore } from '../../stores/messages-store.js';

/** Filter values with their visible words. */
export const MESSAGE_FILTERS: ReadonlyArray<readonly [Filter, string]> = [
  ['all', 'All'],
  ['attention', 'Needs attention'],
  ['sent', 'Answered'],
  ['not-answered', 'Not answered'],
  ['skipped', 'Skipped'],
];

/** A row of toggle buttons (one pressed) and a search field. */
export function MessageFilter() {
  const id = useId();
  const filter = useMessagesStore((s) => s.filter);
  const search = useMessagesStore((s) => s.search);
  const setFilter = useMessagesStore((s) => s.setFilter);
  const setSearch = useMessagesStore((s) => s.setSearch);
  return (
    <div className="message-filter">
      <div role="group" aria-label="Show" className="chips">
        {MESSAGE_FILTERS.map(([value, text]) => (
          <button key={value} type="button" className="chip" aria-pressed={filter === value} onClick={() => setFilter(value)}>
            {text}
          </button>
        ))}
      </div>
      <label htmlFor={id} className="sr-only">
        Search conversations
      </label>
      <input id={id} type="search" className="search" placeholder="Search name, number or text" value={search} onChange={(e) => setSearch(e.target.value)} />
    </div>
  );
}
