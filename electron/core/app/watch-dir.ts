// Watch a directory for changes made by other processes (the CLI approving a pairing, say).
import { mkdirSync, watch } from 'node:fs';

/** Call `onChange` (debounced) when anything in `dir` changes; returns a stop function. */
export function watchDir(dir: string, onChange: () => void, debounceMs = 100): () => void {
  let timer: NodeJS.Timeout | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const watcher = watch(dir, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on('error', () => undefined);
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  } catch {
    // Watching is a convenience (fresher UI); snapshots are still rebuilt on other changes.
    return () => undefined;
  }
}
