// The menu-bar app's log: ~/Library/Logs/imsg Companion/main.log (rotating), where Console.app and
// "Reveal Logs" find it; launched from Finder, the app has no console anybody reads. Also echoed
// to the console for `electron .` runs.
import { join } from 'node:path';
import { APP_LOG_NAME, FileLog } from '../core/logs/file-log.js';
import { consoleLog, type Log } from './electron-api.js';

/** A log that writes the file and the console; `file` is where it writes. */
export interface AppLog {
  readonly log: Log;
  readonly file: string;
  close(): Promise<void>;
}

/** Open the app log in `logsDir` (`app.getPath('logs')`). */
export function openAppLog(logsDir: string, echo: Log = consoleLog): AppLog {
  const out = new FileLog({ file: join(logsDir, APP_LOG_NAME) });
  return {
    file: out.file,
    log: (level, message) => {
      echo(level, message);
      void out.write(level, message);
    },
    close: () => out.close(),
  };
}
