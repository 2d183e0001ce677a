// Health of the pairing files: every one present is read (cheaply, through the stat-keyed cache)
// so a corrupt, empty, wrong-typed or unreadable file shows in status, not only when a message hits it.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { notesFile, readApprovalNotes } from './approval-notes.js';
import { type CachedListReader, PairingStoreError, readRequests } from './files.js';
import type { PairingPaths } from './paths.js';

/** One pairing file that cannot be used, and why. */
export interface PairingFileProblem {
  readonly file: string;
  readonly message: string;
}

/** The problems of every pairing file under `paths.dir` (none when the folder does not exist). */
export async function pairingFileProblems(paths: PairingPaths, reader: CachedListReader): Promise<PairingFileProblem[]> {
  let names: string[];
  try {
    names = await fs.readdir(paths.dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? [] : [{ file: paths.dir, message: `cannot list ${paths.dir} (${code ?? String(err)})` }];
  }
  const problems: PairingFileProblem[] = [];
  const check = async (file: string, read: () => Promise<unknown>): Promise<void> => {
    try {
      await read();
    } catch (err) {
      problems.push({ file, message: err instanceof PairingStoreError ? `${file}: ${err.problem}` : `${file}: ${(err as Error).message}` });
    }
  };
  for (const name of names.sort()) {
    const file = join(paths.dir, name);
    if (file === paths.pairing) await check(file, () => readRequests(file));
    else if (file === notesFile(paths.dir)) await check(file, () => readApprovalNotes(file));
    else if (/^imessage-(.+-)?allowFrom\.json$/.test(name)) await check(file, () => reader.read(file, 'allowFrom'));
    else if (/^imessage-.+-blocked\.json$/.test(name)) await check(file, () => reader.read(file, 'blocked'));
  }
  return problems;
}
