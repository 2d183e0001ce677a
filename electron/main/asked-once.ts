// One-time questions the app has asked (e.g. "Move to Applications?"), kept in userData.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/fs/atomic-write.js';
import type { AskedOnce } from './translocation.js';

/** A JSON file `<dir>/asked.json` holding `{ "<key>": "<ISO time>" }`. */
export function askedOnceFile(dir: string): AskedOnce {
  const file = join(dir, 'asked.json');
  let seen: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) seen = parsed as Record<string, string>;
  } catch {
    // Absent or unreadable: nothing asked yet (asking once more is the safe side).
  }
  return {
    asked: (key) => Object.prototype.hasOwnProperty.call(seen, key),
    remember: async (key) => {
      seen = { ...seen, [key]: new Date().toISOString() };
      await writeFileAtomic(file, `${JSON.stringify(seen, null, 2)}\n`);
    },
  };
}
