// A real append handle wrapped to count opens/writes/closes and to fail or shorten chosen writes,
// since tests run as root and permissions cannot make a write fail.
import { openAppend, type OpenAppend } from '../../../electron/core/fs/rotating-file.js';

/** Counters and failure switches shared with the handles a {@link probeOpen} opens. */
export interface AppendProbe {
  opens: number;
  writes: number;
  closes: number;
  /** Bytes per write in each write call, in order. */
  readonly written: number[];
  /** The next this-many writes throw ENOSPC. */
  failWrites: number;
  /** Writes whose 1-based index is listed throw ENOSPC. */
  readonly failAt: Set<number>;
  /** Cap on bytes one write call accepts (simulates short writes). */
  maxPerWrite: number;
}

/** An {@link OpenAppend} over the real file system plus its probe. */
export function probeOpen(): { probe: AppendProbe; open: OpenAppend } {
  const probe: AppendProbe = { opens: 0, writes: 0, closes: 0, written: [], failWrites: 0, failAt: new Set(), maxPerWrite: Infinity };
  const open: OpenAppend = async (file) => {
    const handle = await openAppend(file);
    probe.opens++;
    return {
      write: async (buffer, offset, length) => {
        probe.writes++;
        if (probe.failWrites > 0 || probe.failAt.has(probe.writes)) {
          probe.failWrites = Math.max(0, probe.failWrites - 1);
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        const result = await handle.write(buffer, offset, Math.min(length, probe.maxPerWrite));
        probe.written.push(result.bytesWritten);
        return result;
      },
      close: async () => {
        probe.closes++;
        await handle.close();
      },
    };
  };
  return { probe, open };
}
