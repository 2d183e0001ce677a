// Control-command detection (channel spec §17 with §0.10): only the commands this app
// implements count; any other slash text is ordinary text.

/** One control command: its words and whether it takes arguments after them. */
interface CommandSpec {
  readonly words: string;
  readonly takesArgs: boolean;
}

/** The commands of §0.10. */
export const CONTROL_COMMANDS: readonly CommandSpec[] = [
  { words: '/status', takesArgs: false },
  { words: '/help', takesArgs: false },
  { words: '/new', takesArgs: false },
  { words: '/reset', takesArgs: false },
  { words: '/config set', takesArgs: true },
  { words: '/config unset', takesArgs: true },
  { words: '/acp spawn', takesArgs: true },
  { words: '/acp close', takesArgs: false },
  { words: '/acp status', takesArgs: false },
  { words: '/acp', takesArgs: false },
];

/** Trim, turn `/cmd: args` into `/cmd args`, and collapse whitespace runs to one space. */
export function normalizeCommandText(text: string): string {
  return text
    .trim()
    .replace(/^(\/[A-Za-z][\w-]*)\s*:\s*/, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The control command `text` is (e.g. `/config set`), or undefined. `hello /status` is not one. */
export function matchControlCommand(text: string): string | undefined {
  const normalized = normalizeCommandText(text);
  const lower = normalized.toLowerCase();
  for (const { words, takesArgs } of CONTROL_COMMANDS) {
    if (lower === words) return words;
    if (takesArgs && lower.startsWith(`${words} `)) return words;
  }
  return undefined;
}

/** True when `text` is one of this app's control commands. */
export function isControlCommand(text: string): boolean {
  return matchControlCommand(text) !== undefined;
}
