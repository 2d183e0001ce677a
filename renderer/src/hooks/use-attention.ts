// Opens the popover where attention is: once on the first snapshot, and again when setup becomes needed.
import { useEffect } from 'react';
import { attentionTarget, type AttentionTarget } from '../format/attention.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { useUiStore } from '../stores/ui-store.js';

/** Show `target`: the guide, or a section with its row scrolled into view. */
export function goToAttention(target: AttentionTarget): void {
  const ui = useUiStore.getState();
  if (target.section === 'guide') {
    ui.setGuideOpen(true);
    return;
  }
  if (ui.guideOpen) useUiStore.setState({ guideOpen: false });
  ui.setSection(target.section);
  ui.setFocusRow(target.rowId ?? null);
}

/** Follow the snapshot: first one decides where to open; setup mode (re)opens the guide unless closed by hand. */
export function useAttention(): void {
  const snapshot = useSnapshotStore((s) => s.snapshot);
  const setupNeeded = snapshot?.setup?.needed ?? false;
  useEffect(() => {
    if (!snapshot) return;
    const ui = useUiStore.getState();
    if (!ui.attentionDone) {
      useUiStore.setState({ attentionDone: true });
      const target = attentionTarget(snapshot);
      if (target && !(target.section === 'guide' && ui.guideDismissed)) goToAttention(target);
      return;
    }
    if (setupNeeded && !ui.guideOpen && !ui.guideDismissed) ui.setGuideOpen(true);
  }, [snapshot, setupNeeded]);
  // Bring the attention row into view once its section rendered it.
  const focusRow = useUiStore((s) => s.focusRow);
  const section = useUiStore((s) => s.section);
  useEffect(() => {
    if (!focusRow) return;
    const el = document.getElementById(focusRow);
    if (!el) return;
    el.scrollIntoView?.({ block: 'center' });
    el.classList.add('attention');
    useUiStore.getState().setFocusRow(null);
  }, [focusRow, section, snapshot]);
}
