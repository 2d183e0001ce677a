// Appending to a file safely: a buffer is written whole (a write may take only part of it), and a
// file a crash left with an unfinished last line is detected, so the next line starts on its own.
import { promises as fs } from 'node:fs';

/** What a write through a file handle needs (FileHandle fits; tests wrap it). */
export interface WritableHandle {
  write(buffer: Buffer, offset: number, length: number): Promise<{ bytesWritten: number }>;
}

/** Write all of `buf`, looping over short writes; `file` names the file in the error. */
export async function writeFully(handle: WritableHandle, buf: Buffer, file: string): Promise<void> {
  for (let off = 0; off < buf.length; ) {
    const { bytesWritten } = await handle.write(buf, off, buf.length - off);
    if (bytesWritten <= 0) throw new Error(`short write to ${file}`);
    off += bytesWritten;
  }
}

/** True when `file` (of `size` bytes) does not end in a newline: its last line was torn. */
export async function endsMidLine(file: string, size: number): Promise<boolean> {
  if (size === 0) return false;
  const handle = await fs.open(file, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}
