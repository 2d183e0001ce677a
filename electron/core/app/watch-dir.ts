// Watch a directory for changes made by other processes (the CLI approving a pairing, say).
import { mkdirSync, watch } from 'node:fs';
import { basename } from 'node:path';

/** Call `onChange` (debounced) when anything in `dir` changes; returns a stop function. */
export function watchDir(dir: string, onChange: () => void, debounceMs = 100): () => void {
  let timer: NodeJS.Timeout | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const watcher = watch(dir, (_event, name) => {
      // Locks and temp files come and go on every read: reacting to them would loop forever.
      // The directory's own name is its chmod on every lock (PairingStore), not a content change.
      if (typeof name === 'string' && (/\.(lock|tmp)$|\.tmp\b|^\./.test(name) || name === basename(dir))) return;
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
