// The parts of a Companion snapshot read from disk each time: the pairing lists (a broken pairing
// file becomes a problem to show, not a failed snapshot) and every state file's failure.
import type { PairingRequestView } from '../../contract/views.js';
import type { StorageProblems } from '../fs/storage-problems.js';
import type { PairingStore, WaitingSender } from '../pairing/index.js';

/** What the snapshot shows of the pairing store. */
export interface PairingLists {
  pending: PairingRequestView[];
  approved: Array<{ accountId: string; sender: string }>;
  blocked: Array<{ accountId: string; sender: string }>;
  waiting: WaitingSender[];
  /** Why the lists could not be read (they are empty then). */
  problem?: string;
}

/** The pairing store's lists for a snapshot; a read failure is returned as `problem`, never thrown. */
export async function readPairingLists(pairing: PairingStore): Promise<PairingLists> {
  try {
    const [pending, approved, blocked, waiting] = await Promise.all([pairing.listPending(), pairing.listApproved(), pairing.listBlocked(), pairing.listWaiting()]);
    return { pending, approved, blocked, waiting };
  } catch (err) {
    return { pending: [], approved: [], blocked: [], waiting: [], problem: (err as Error).message };
  }
}

/** The state files whose owners report a failure, and where each owner keeps its file. */
export interface StorageOwners {
  /** Failures keyed by file, remembered with their first time (a healed file drops out). */
  readonly book: StorageProblems;
  /** Each owner's file and its last failure (undefined: fine). */
  readonly files: ReadonlyArray<{ file: string; problem: string | undefined }>;
  readonly pairing: PairingStore;
  /** Problems the accounts' watch-state files report. */
  readonly watch: ReadonlyArray<{ file: string; message: string; since: string }>;
}

/** Every state file's failure, from each owner's last result plus a fresh check of the pairing files. */
export async function storageProblemsOf(o: StorageOwners): Promise<Array<{ file: string; message: string; since: string }>> {
  const s = o.book;
  for (const { file, problem } of o.files) s.sync(file, problem);
  const dir = o.pairing.paths.dir;
  const pairingFiles = await o.pairing.fileProblems().catch((err: unknown) => [{ file: dir, message: String(err) }]);
  const broken = new Set(pairingFiles.map((p) => p.file));
  for (const p of pairingFiles) s.sync(p.file, p.message);
  for (const p of s.list()) if (p.file.startsWith(dir) && !broken.has(p.file)) s.sync(p.file, undefined);
  return [...s.list(), ...o.watch];
}
