// Loading and error states for sections that render the pushed snapshot.
import type { ReactElement } from 'react';
import type { Snapshot } from '../../../electron/contract/views.js';
import { useSnapshotStore } from '../stores/snapshot-store.js';
import { LoadError, Loading } from './ui/section-states.js';

/** Props of {@link SnapshotGate}. */
export interface SnapshotGateProps {
  /** What the section shows, for the loading/error text ("pairing requests"). */
  readonly what: string;
  readonly children: (snapshot: Snapshot) => ReactElement;
}

/** Renders `children` once a snapshot is here; until then a loading or error state with Retry. */
export function SnapshotGate({ what, children }: SnapshotGateProps) {
  const snapshot = useSnapshotStore((s) => s.snapshot);
  const error = useSnapshotStore((s) => s.error);
  const load = useSnapshotStore((s) => s.load);
  if (snapshot) return children(snapshot);
  if (error) return <LoadError what={what} message={error} onRetry={() => void load()} />;
  return <Loading what={what} />;
}
