// Debounced change notification for one file that is replaced by atomic renames.
import { watch as fsWatch, mkdirSync } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Options for {@link watchFile}. */
export interface WatchFileOptions {
  /** Quiet time after the last event before `onChange` runs. */
  readonly debounceMs: number;
  readonly onChange: () => void;
  /** The watch could not start or broke; no further changes will be reported. */
  readonly onError: (message: string) => void;
}

/**
 * Call `onChange` (debounced) whenever `path` is written, created, renamed over or deleted.
 * Returns the function that stops watching.
 */
export function watchFile(path: string, opts: WatchFileOptions): () => void {
  // Watch the directory: an atomic rename gives the file a new inode, which a file watch would lose.
  const dir = dirname(path);
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    watcher = fsWatch(dir, (_event, filename) => {
      // Some platforms omit the name; then any event in the directory may be ours.
      if (filename !== null && filename !== name) return;
      clearTimeout(timer);
      timer = setTimeout(opts.onChange, opts.debounceMs);
    });
  } catch (err) {
    opts.onError(`cannot watch ${dir}: ${(err as Error).message}`);
    return () => undefined;
  }
  watcher.on('error', (err) => opts.onError(`stopped watching ${dir}: ${err.message}`));
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
