// The chips (All / Answered / Dropped / Pairing) and the text filter above the activity list.
import { useActivityStore, type ActivityKindFilter } from '../../stores/activity-store.js';

const CHIPS: ReadonlyArray<[ActivityKindFilter, string]> = [
  ['all', 'All'],
  ['answered', 'Answered'],
  ['dropped', 'Dropped'],
  ['pairing', 'Pairing'],
];

/** Filter controls; toggle buttons expose their state with aria-pressed. */
export function ActivityFilter() {
  const kind = useActivityStore((s) => s.kind);
  const text = useActivityStore((s) => s.text);
  const setKind = useActivityStore((s) => s.setKind);
  const setText = useActivityStore((s) => s.setText);
  return (
    <div className="filter">
      <div role="group" aria-label="Show" className="chips">
        {CHIPS.map(([value, label]) => (
          <button key={value} type="button" className="chip" aria-pressed={kind === value} onClick={() => setKind(value)}>
            {label}
          </button>
        ))}
      </div>
      <input type="search" className="search" aria-label="Filter activity" placeholder="Filter by sender or text" value={text} onChange={(e) => setText(e.target.value)} />
    </div>
  );
}
