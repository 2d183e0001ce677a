// Re-checks permissions each time the popover is shown, whichever section is open (macos-electron §3.6).
import { useEffect } from 'react';
import { recheckPermissions } from '../actions/permission-actions.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { pageVisible } from './use-visible-interval.js';

/** On every `visibilitychange` to visible, re-run the (non-prompting) permission checks on macOS. */
export function useRecheckOnShow(): void {
  const macos = useSnapshotStore((s) => s.snapshot?.platform.macos ?? false);
  useEffect(() => {
    if (!macos) return;
    const onVisibility = () => {
      if (pageVisible()) void recheckPermissions();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [macos]);
}
