// The Mac app's "Choose…" for an account's imsg program (`account:pick-cli-path`): a native open
// dialog in main (the renderer never supplies the path), a check that the choice is an executable
// file, then the same in-place config edit as every setting (comments kept). Picking the file in
// the app-modal dialog is the owner's own choice, so it needs no second confirmation.
import { constants, promises as fs } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import type { OpenDialogOptions } from 'electron';
import type { ContractHandlers, VerbOutput } from '../contract/channels.js';
import type { AppConfig } from '../core/config/schema.js';
import { isSafeExecutableValue } from '../core/config/validators.js';
import { type CliPathTarget, cliPathTarget } from '../core/platform/cli-path-target.js';

/** The part of Electron's `dialog` used here. */
export interface OpenDialog {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Inputs of {@link pickCliPathHandler}. */
export interface CliPathPickerDeps {
  readonly dialog: OpenDialog;
  /** The config in force (which accounts exist, where their keys are). */
  readonly config: () => AppConfig;
  /** The core's unguarded `config:set`: validation and the in-place edit. */
  readonly write: ContractHandlers['config:set'];
  /** Show the popover again: it hides while the dialog has the focus. */
  readonly reshow?: () => void;
}

/** Where the dialog opens when the current cliPath is a bare name: Homebrew's bin on Apple silicon. */
export const DEFAULT_CLI_DIR = '/opt/homebrew/bin';

/** The dialog's options for `target`: one file, starting next to the current program. */
export function pickerOptions(target: CliPathTarget): OpenDialogOptions {
  return {
    title: 'Choose the imsg program',
    message: `Choose the imsg program for account ${target.accountId} (usually /opt/homebrew/bin/imsg).`,
    buttonLabel: 'Use This Program',
    defaultPath: isAbsolute(target.current) ? dirname(target.current) : DEFAULT_CLI_DIR,
    properties: ['openFile'],
  };
}

/** Why `path` cannot be the imsg program, or undefined when it is an executable file. */
export async function executableProblem(path: string): Promise<string | undefined> {
  if (!isAbsolute(path)) return 'is not an absolute path';
  if (!isSafeExecutableValue(path)) return 'has characters a program path may not have (quotes, shell characters such as ; | $ or line breaks)';
  let stat;
  try {
    stat = await fs.stat(path); // follows Homebrew's symlink to the real binary
  } catch {
    return 'does not exist';
  }
  if (!stat.isFile()) return 'is a folder or an app bundle, not a program: choose the imsg program itself';
  try {
    await fs.access(path, constants.X_OK);
  } catch {
    return 'is not executable: choose the imsg program (Homebrew installs it as /opt/homebrew/bin/imsg)';
  }
  return undefined;
}

/** The `account:pick-cli-path` handler of the Mac app. */
export function pickCliPathHandler(deps: CliPathPickerDeps): ContractHandlers['account:pick-cli-path'] {
  return async ({ accountId }): Promise<VerbOutput<'account:pick-cli-path'>> => {
    const target = cliPathTarget(deps.config(), accountId);
    let choice;
    try {
      choice = await deps.dialog.showOpenDialog(pickerOptions(target));
    } finally {
      deps.reshow?.();
    }
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return { canceled: true, ok: false, issues: [] };
    const problem = await executableProblem(path);
    if (problem) return { canceled: false, cliPath: path, ok: false, issues: [{ path: target.key, message: `${JSON.stringify(path)} ${problem}.` }] };
    const written = await deps.write({ key: target.key, value: path });
    return { canceled: false, cliPath: path, ...written };
  };
}
