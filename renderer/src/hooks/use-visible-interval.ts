// Runs a task when the popover becomes visible and then every `ms` while it stays visible.
import { useEffect, useRef } from 'react';

/** True unless the page is hidden (jsdom and some webviews report other states while shown). */
export function pageVisible(): boolean {
  return document.visibilityState !== 'hidden';
}

/** Call `task` now, on every `visibilitychange` to visible, and every `ms` while visible (and `enabled`). */
export function useVisibleInterval(task: () => void, ms: number, enabled = true): void {
  const latest = useRef(task);
  useEffect(() => {
    latest.current = task;
  });
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      latest.current();
      timer = setInterval(() => latest.current(), ms);
    };
    const onVisibility = () => {
      if (pageVisible()) start();
      else clearInterval(timer);
    };
    if (pageVisible()) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [ms, enabled]);
}
