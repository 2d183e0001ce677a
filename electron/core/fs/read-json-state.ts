// Reading a JSON state file: missing = fresh start; corrupt = kept aside and reported, never reset silently.
import { promises as fs } from 'node:fs';

/** `value` when the file parsed; `problem` when it was unreadable or corrupt (then moved aside). */
export interface JsonStateRead<T> {
  readonly value?: T;
  readonly problem?: string;
}

/**
 * Read and validate `file` with `parse` (returns the value, or a string describing what is wrong).
 * A missing file gives neither value nor problem; a corrupt one is renamed `<file>.corrupt-<ms>`.
 */
export async function readJsonState<T>(file: string, parse: (text: string) => T | string): Promise<JsonStateRead<T>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { problem: `cannot read ${file}: ${(err as Error).message}` };
  }
  const parsed = parse(text);
  if (typeof parsed !== 'string') return { value: parsed };
  const aside = `${file}.corrupt-${Date.now()}`;
  await fs.rename(file, aside).catch(() => undefined);
  return { problem: `${file}: ${parsed}; kept as ${aside}` };
}
