// Errors and short results of the calls behind a row's buttons, shown on the row itself.
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../stores/ui-store.js';

/** Props of {@link InlineStatus}. */
export interface InlineStatusProps {
  /** The tracked call keys of the row's controls. */
  readonly keys: readonly string[];
}

/** The row's latest call errors (role=alert) and notices (role=status). */
export function InlineStatus({ keys }: InlineStatusProps) {
  const errors = useUiStore(useShallow((s) => keys.map((k) => s.pending[k]?.error).filter((e): e is string => Boolean(e))));
  const notices = useUiStore(useShallow((s) => keys.map((k) => s.notices[k]).filter((n) => n !== undefined)));
  if (errors.length === 0 && notices.length === 0) return null;
  return (
    <div className="inline-status">
      {errors.map((e) => (
        <p key={`e:${e}`} role="alert" className="inline-error">
          {e}
        </p>
      ))}
      {notices.map((n) => (
        <p key={`n:${n.text}`} role={n.tone === 'error' ? 'alert' : 'status'} className={`inline-notice notice-${n.tone}`}>
          {n.text}
        </p>
      ))}
    </div>
  );
}
