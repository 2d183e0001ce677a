// The problems of one settings control: main's issues for its last write, the call error, and
// the "Saved" confirmation; shared by every field so they all read the same.
import { useShallow } from 'zustand/react/shallow';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useUiStore } from '../../stores/ui-store.js';

/** Plain-word problems of the control tracked as `trackKey` (empty when fine). */
export function useFieldProblems(trackKey: string): string[] {
  return useSettingsStore(useShallow((s) => (s.issues[trackKey] ?? []).map((i) => i.message))).concat(useUiStore(useShallow((s) => (s.pending[trackKey]?.error ? [s.pending[trackKey].error] : []))));
}

/** The problems list (role=alert) and the "Saved" line (role=status) under a control. */
export function FieldProblems({ id, trackKey, extra = [] }: { readonly id: string; readonly trackKey: string; readonly extra?: readonly string[] }) {
  const problems = [...extra, ...useFieldProblems(trackKey)];
  const saved = useUiStore((s) => (s.notices[trackKey]?.tone === 'ok' ? s.notices[trackKey].text : null));
  return (
    <>
      {problems.length > 0 ? (
        <ul id={id} role="alert" className="issues">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {saved && problems.length === 0 ? (
        <p role="status" className="saved">
          ✓ {saved}
        </p>
      ) : null}
    </>
  );
}
