// Per-key serialization inside this process: one turn of a session at a time, in arrival order.

const tails = new Map<string, Promise<unknown>>();

/**
 * Run `fn` after every earlier call with the same `key` has settled. Module-wide on purpose: two
 * backends (e.g. before and after a config reload) writing the same transcript still queue.
 */
export function serialize<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  const tail = next.catch(() => undefined);
  tails.set(key, tail);
  // Drop the entry once idle so the map does not grow with every session ever seen.
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return next;
}
