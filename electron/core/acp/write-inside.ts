// `fs/write_text_file` for agents allowed to write (`allowFsWrite`): only inside the session's cwd.
import { isAbsolute, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

/** Write `content` to `path` when it lies inside `root`; anything else is refused with the path named. */
export async function writeInside(root: string, path: string, content: string): Promise<void> {
  const target = resolve(root, path);
  const rel = relative(resolve(root), target);
  if (!isAbsolute(path) || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`write refused: ${path} is outside the session folder ${root}`);
  await writeFileAtomic(target, content, { mode: 0o644 });
}
