// Recognisers for the texts imsg and macOS use for permission problems (imsg-rpc.md §2.6, §5).

/** The startup banner's heading (0.8.2+ in `data`, earlier as a plain stdout line). */
const FDA_PATTERNS: readonly RegExp[] = [
  /permission error: cannot access messages database/i,
  /requires full disk access/i,
  /unable to open database file \(code: 14\)/i,
  /authorization denied \(code: 23\)/i,
  // Pre-0.8.2 clients printed the Swift enum: `failed to parse permissionDenied(path: …)`.
  /permissionDenied\(/,
];

/** True when the text says imsg cannot read chat.db (Full Disk Access missing). */
export function mentionsFullDiskAccess(text: string): boolean {
  return FDA_PATTERNS.some((pattern) => pattern.test(text));
}

/** True when AppleScript was refused control of Messages (Automation permission). */
export function mentionsAutomationDenied(text: string): boolean {
  return /-1743\b/.test(text) || /not authori[sz]ed to send apple events/i.test(text) || /\bnot authori[sz]ed\b/i.test(text);
}

/** True when imsg answered `rpc` with "unknown command" (a build from before 0.3.0), or the probe said so. */
export function mentionsRpcUnsupported(text: string): boolean {
  const lower = text.toLowerCase();
  return (lower.includes('unknown command') && lower.includes('rpc')) || lower.includes('does not support the "rpc" subcommand');
}

/** The chat.db path named in the banner, if any. */
export function bannerDbPath(text: string): string | undefined {
  return /The Messages database at (.+?) requires Full Disk Access/.exec(text)?.[1] ?? /permissionDenied\(path: "?([^")]+)/.exec(text)?.[1];
}

/** The first line (trimmed) that `test` accepts, else the first non-empty line. */
export function lineMatching(text: string, test: (line: string) => boolean): string {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '' && test(line)) ?? firstLine(text);
}

/** First non-empty line, trimmed: the underlying SQLite/AppleScript error in imsg's texts. */
export function firstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
}
