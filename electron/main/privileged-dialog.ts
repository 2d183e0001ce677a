// The native confirmation main shows before the renderer may change a privileged config key
// (one that runs a program or widens access). It names the key and shows the exact value, so a
// compromised renderer cannot change one behind the user's back.
import type { MessageBoxOptions } from 'electron';
import type { PrivilegedChange, PrivilegedDecision } from '../core/transport/privileged-guard.js';

/** The part of Electron's `dialog` used here. */
export interface ConfirmDialog {
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
}

/** Longer values are refused: a dialog the user cannot read in full is no confirmation. */
export const MAX_SHOWN_VALUE = 2_000;

/** The button order: Cancel first and default, so Return or Esc never allows the change. */
export const CONFIRM_BUTTONS = ['Cancel', 'Change Setting'] as const;

/** The value as the dialog shows it (JSON, so quotes and spaces are visible). */
export function shownValue(change: PrivilegedChange): string {
  return change.unset ? '(removed: the default applies)' : (JSON.stringify(change.value, null, 2) ?? 'undefined');
}

/** The dialog's options for `change`. */
export function confirmOptions(change: PrivilegedChange): MessageBoxOptions {
  return {
    type: 'warning',
    buttons: [...CONFIRM_BUTTONS],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    title: 'Confirm a protected setting',
    message: `Change ${change.key}?`,
    detail:
      `The imsg Companion window asks to change ${change.key}, which sets ${change.privileged.why}. New value:\n\n${shownValue(change)}\n\n` +
      'Because this setting can make the app run another program or read more than before with its permissions, it is confirmed here. ' +
      'If you did not just change it yourself, click Cancel.',
  };
}

/** A {@link PrivilegedDecision} that asks the user; refusals say what happened. */
export function dialogDecision(dialog: ConfirmDialog): PrivilegedDecision {
  return async (change) => {
    if (shownValue(change).length > MAX_SHOWN_VALUE) return `${change.key} was not changed: the value is too long to confirm (over ${MAX_SHOWN_VALUE} characters). Edit the config file instead.`;
    const { response } = await dialog.showMessageBox(confirmOptions(change));
    return response === 1 ? true : `${change.key} was not changed: it was not confirmed in the dialog.`;
  };
}
