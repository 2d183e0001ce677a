// The Electron main-process modules the shell uses, passed in as one object: main.ts hands over
// the real module, tests a fake (test/main/fake-electron.ts), so no glue imports `electron` itself.
import type * as Electron from 'electron';
import type { ContractHandlers } from '../contract/channels.js';
import type { RelaySource } from './event-relay.js';

/** The slice of `import('electron')` the shell needs. */
export type ElectronApi = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'dialog'
  | 'ipcMain'
  | 'Menu'
  | 'nativeImage'
  | 'nativeTheme'
  | 'Notification'
  | 'powerMonitor'
  | 'powerSaveBlocker'
  | 'protocol'
  | 'screen'
  | 'session'
  | 'shell'
  | 'Tray'
>;

/** The running core as the shell sees it (a Companion plus its verb handlers). */
export interface CoreHandle {
  readonly handlers: ContractHandlers;
  readonly events: RelaySource;
  readonly configPath: string;
  readonly stateDir: string;
  /** The config in force (the privileged-key guard compares an edit of a parent key against it). */
  readonly config?: () => unknown;
  /** Take the state dir (the control socket, shared with `serve`), then start the accounts. Rejects with InstanceBusyError when another instance owns it. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Write journal, activity log and cursors now (before sleep, at shutdown). */
  flush(): Promise<void>;
  /** After wake: re-check permissions, ping every imsg child, restart wedged ones. */
  checkHealth(): Promise<unknown>;
  /** Something the platform view shows changed (notifications): push a snapshot. */
  refresh(): void;
}

/** Where the shell reports refusals and failures (console in the app, a spy in tests). */
export type Log = (level: 'warn' | 'error' | 'info', message: string) => void;

/** The default log: one prefixed console line. */
export const consoleLog: Log = (level, message) => console[level](`[imsg-companion] ${message}`);
