// Quiet hours edits: one key at a time (`notifications.quietHours.start`, …) so the rest of the
// user's file, comments included, stays as written; the whole block only when there is none yet.
import type { SettingsView } from '../../../electron/contract/views.js';
import { configKey } from './keys.js';
import { setConfigValue } from './settings-actions.js';

/** The config key path of the quiet hours block. */
export const QUIET_HOURS_PATH = 'notifications.quietHours';
/** The key every quiet hours write is tracked under (one "Saved" / problem list for the control). */
export const QUIET_HOURS_KEY = configKey(QUIET_HOURS_PATH);
/** The window offered when quiet hours are first turned on. */
export const DEFAULT_QUIET_HOURS = { start: '22:00', end: '07:00' } as const;

type Quiet = SettingsView['quietHours'];

/** Turn quiet hours on or off (`enabled`), writing the default window when none is set yet. */
export async function setQuietHoursOn(current: Quiet, on: boolean): Promise<boolean> {
  if (!current) return on ? setConfigValue(QUIET_HOURS_PATH, { ...DEFAULT_QUIET_HOURS }, QUIET_HOURS_KEY) : true;
  return setConfigValue(`${QUIET_HOURS_PATH}.enabled`, on, QUIET_HOURS_KEY);
}

/** Write the window's start and end (only the ones that changed). */
export async function setQuietHoursTimes(current: Quiet, start: string, end: string): Promise<boolean> {
  if (!current) return setConfigValue(QUIET_HOURS_PATH, { start, end }, QUIET_HOURS_KEY);
  if (start !== current.start && !(await setConfigValue(`${QUIET_HOURS_PATH}.start`, start, QUIET_HOURS_KEY))) return false;
  return end !== current.end ? setConfigValue(`${QUIET_HOURS_PATH}.end`, end, QUIET_HOURS_KEY) : true;
}
