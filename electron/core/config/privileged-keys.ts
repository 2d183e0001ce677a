// Config keys that run programs or widen what the app may read or reach. One list, used by the
// menu-bar app (a change from the renderer needs a native confirmation by main) and by chat
// `/config set` (always refused): a compromised renderer or chat must not point the app, which
// holds Full Disk Access, at another program, database, host or folder.
import { type KeySegment, parseKeyPath } from './key-path.js';

/** One privileged key pattern (`*` matches any account id or list index) and why it is one. */
export interface PrivilegedKey {
  readonly pattern: string;
  readonly why: string;
}

const IMESSAGE_KEYS: ReadonlyArray<[string, string]> = [
  ['cliPath', 'the imsg program the app runs with its Full Disk Access'],
  ['dbPath', 'which Messages database is read'],
  ['remoteHost', 'the host the app connects to over SSH for attachments'],
  ['attachmentRoots', 'the folders attachments may be read from'],
  ['remoteAttachmentRoots', 'the folders attachments may be copied from on the remote host'],
];

/** Every privileged key pattern. */
export const PRIVILEGED_KEYS: readonly PrivilegedKey[] = [
  ...IMESSAGE_KEYS.map(([key, why]) => ({ pattern: `channels.imessage.${key}`, why })),
  ...IMESSAGE_KEYS.map(([key, why]) => ({ pattern: `channels.imessage.accounts.*.${key}`, why })),
  { pattern: 'agents.list.*.backend.argv', why: 'the program a command agent runs' },
  { pattern: 'agents.list.*.backend.cwd', why: 'the folder a command agent runs in' },
  { pattern: 'agents.list.*.backend.env', why: 'the environment variables a command agent receives' },
  { pattern: 'agents.list.*.runtime.acp.command', why: 'the program an ACP agent runs' },
  { pattern: 'agents.list.*.runtime.acp.cwd', why: 'the folder an ACP agent works in' },
  { pattern: 'agents.list.*.runtime.acp.allowFsWrite', why: 'whether an ACP agent may write files' },
];

const PATTERNS = PRIVILEGED_KEYS.map((k) => ({ ...k, segments: k.pattern.split('.') }));

const same = (key: KeySegment, pattern: string): boolean => pattern === '*' || String(key) === pattern;

/**
 * The privileged key that setting `key` would change, else undefined: `key` is one, lies beneath
 * one (`…argv[0]`), or contains one (`channels.imessage.accounts.work` holds its cliPath). A
 * malformed path counts as privileged: it is refused either way, and never slips through here.
 */
export function privilegedKey(key: string): PrivilegedKey | undefined {
  let segments: KeySegment[];
  try {
    segments = parseKeyPath(key);
  } catch {
    return { pattern: key, why: 'the key path is malformed' };
  }
  const hit = PATTERNS.find((p) => {
    const n = Math.min(p.segments.length, segments.length);
    for (let i = 0; i < n; i++) if (!same(segments[i] as KeySegment, p.segments[i] as string)) return false;
    return true;
  });
  return hit ? { pattern: hit.pattern, why: hit.why } : undefined;
}
