// Quiet hours: a switch and the window (local time of the Mac running the app); while quiet, no
// notification is shown but everything still appears here, and one summary follows their end.
import { useEffect, useId, useState } from 'react';
import type { Snapshot, SettingsView } from '../../../../electron/contract/views.js';
import { QUIET_HOURS_KEY, setQuietHoursOn, setQuietHoursTimes } from '../../actions/quiet-hours-actions.js';
import { FieldProblems } from '../../components/fields/field-problems.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useUiStore } from '../../stores/ui-store.js';

/** Props of {@link QuietHoursField}. */
export interface QuietHoursFieldProps {
  /** `notifications.quietHours` as written (settings view). */
  readonly quietHours: SettingsView['quietHours'];
  /** The snapshot's computed state (the core decides whether it is quiet now). */
  readonly now: Snapshot['notifications'];
}

/** The quiet hours control of Settings → Notifications. */
export function QuietHoursField({ quietHours, now }: QuietHoursFieldProps) {
  const id = useId();
  const on = quietHours !== undefined && quietHours.enabled;
  const [start, setStart] = useState(quietHours?.start ?? '');
  const [end, setEnd] = useState(quietHours?.end ?? '');
  useEffect(() => setStart(quietHours?.start ?? ''), [quietHours?.start]);
  useEffect(() => setEnd(quietHours?.end ?? ''), [quietHours?.end]);
  const running = useUiStore((s) => s.pending[QUIET_HOURS_KEY]?.running ?? false);
  const changed = start !== quietHours?.start || end !== quietHours?.end;
  const complete = start !== '' && end !== '';
  return (
    <div className="field" role="group" aria-label="Quiet hours">
      <div className="toggle-row">
        <input id={id} type="checkbox" role="switch" checked={on} disabled={running} onChange={(e) => void setQuietHoursOn(quietHours, e.target.checked)} aria-describedby={`${id}-hint`} />
        <label htmlFor={id}>Quiet hours: no notifications during these hours</label>
      </div>
      {on ? (
        <div className="input-row time-row">
          <label htmlFor={`${id}-start`}>From</label>
          <input id={`${id}-start`} type="time" value={start} required onChange={(e) => setStart(e.target.value)} />
          <label htmlFor={`${id}-end`}>until</label>
          <input id={`${id}-end`} type="time" value={end} required onChange={(e) => setEnd(e.target.value)} />
          <button type="button" className="btn btn-plain" aria-label="Save quiet hours" disabled={running || !changed || !complete} onClick={() => void setQuietHoursTimes(quietHours, start, end)}>
            {running ? 'Saving…' : 'Save'}
          </button>
        </div>
      ) : null}
      <p id={`${id}-hint`} className="hint">
        {on && quietHours.start === quietHours.end
          ? 'The start and end are the same, so quiet hours never apply. Pick two different times.'
          : `In the time zone of the computer running imsg Companion; ${formatTimeOfDay('22:00')} until ${formatTimeOfDay('07:00')} runs past midnight. New requests and problems still show here, and one notification sums them up when quiet hours end.`}
      </p>
      {on && now?.quiet ? (
        <p role="status" className="hint">
          Quiet now: notifications are held until {formatTimeOfDay(now.quietHours?.end ?? quietHours.end)}.
        </p>
      ) : null}
      <FieldProblems id={`${id}-issues`} trackKey={QUIET_HOURS_KEY} />
    </div>
  );
}
