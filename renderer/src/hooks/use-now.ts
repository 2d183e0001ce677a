// A clock for countdowns and "ago" labels: one shared 1 s timer while anything shows a time.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in ms, re-rendering the caller every second. */
export function useNow(): number {
  // A stable snapshot between ticks; subscribe() refreshes it, and React re-renders if it moved.
  return useSyncExternalStore(subscribe, () => now);
}
