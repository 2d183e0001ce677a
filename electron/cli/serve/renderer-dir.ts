// Where the built renderer lives next to the bundled CLI (dist/renderer), checked before serving.
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../command.js';

/** The built UI directory; a clear error when it was not built. */
export async function rendererDir(): Promise<string> {
  const dir = fileURLToPath(new URL('../renderer/', import.meta.url));
  try {
    await fs.access(`${dir}index.html`);
  } catch {
    throw new UsageError(`the tray UI is not built (${dir}index.html missing): run npm run build`, 1);
  }
  return dir;
}
