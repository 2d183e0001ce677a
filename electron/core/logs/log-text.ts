// Log lines hold text from outside (message previews, error strings): escape what could split a
// line or drive a terminal that later shows the file (`imsg-companion logs`, Console.app).

const LIMIT = 4_000;

/** `text` on one line: CR/LF as \n, other control characters as \u00XX, cut at 4000 characters. */
export function sanitizeLogText(text: string): string {
  const one = text.replace(/\r?\n/g, '\\n').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return one.length > LIMIT ? `${one.slice(0, LIMIT)}… (${one.length - LIMIT} more characters)` : one;
}

/** `text` safe to print to a terminal: control characters other than newline and tab escaped (a log file may have been edited). */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
