// Reads stdin one line at a time and hands each to an async handler, strictly in order.
import { createInterface } from 'node:readline';

/**
 * Feed every trimmed, non-blank line of `input` to `onLine`, one at a time in arrival order,
 * starting after `startDelayMs`; resolves once EOF is reached and every line is handled.
 */
export async function serveLines(
  input: NodeJS.ReadableStream,
  onLine: (line: string) => Promise<void>,
  startDelayMs = 0,
): Promise<void> {
  // Until the delay passes nothing reads stdin: requests wait in the pipe, as behind imsg's Contacts prompt.
  if (startDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, startDelayMs));
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const raw of rl) {
    const line = raw.trim();
    if (line !== '') await onLine(line);
  }
}
