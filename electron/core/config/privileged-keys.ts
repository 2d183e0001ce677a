// Config keys that run programs or widen what the app may read or reach. One list, used by the
// menu-bar app (a change from the renderer needs a native confirmation by main) and by chat
// `/config set` (always refused): a compromised renderer or chat must not point the app, which
// holds Full Disk Access, at another program, database, host or folder.
import { getAtPath, type KeySegment, parseKeyPath } from './key-path.js';

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
 * The privileged key that setting `key` could change, else undefined: `key` is one, lies beneath
 * one (`…argv[0]`), or contains one (`channels.imessage.accounts.work` holds its cliPath). A
 * malformed path counts as privileged: it is refused either way, and never slips through here.
 * Blind to values: see {@link privilegedChange} for the rule that looks at them.
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

/** A config edit: the new value of `key`, or its removal (`unset`). */
export interface KeyChange {
  readonly key: string;
  readonly unset: boolean;
  readonly value?: unknown;
}

/**
 * The privileged key an edit really changes, given the config it applies to, else undefined. A key
 * at or beneath a privileged one always is. A parent key (`agents.list`, an account) is only when a
 * privileged leaf beneath it would differ afterwards: a new one (a command agent's argv), a changed
 * one, or a removed one. Removal counts: a removed dbPath or attachmentRoots falls back to a default
 * the owner did not choose, and a removed command agent is the owner's call, not a web page's.
 */
export function privilegedChange(change: KeyChange, current: unknown): PrivilegedKey | undefined {
  const hit = privilegedKey(change.key);
  if (!hit || !PRIVILEGED_KEYS.some((k) => k.pattern === hit.pattern)) return hit; // none, or a malformed path
  const segments = parseKeyPath(change.key);
  const prefixOf = (p: (typeof PATTERNS)[number]) => segments.every((s, i) => i >= p.segments.length || same(s, p.segments[i] as string));
  const covering = PATTERNS.find((p) => p.segments.length <= segments.length && prefixOf(p));
  if (covering) return { pattern: covering.pattern, why: covering.why };
  const before = getAtPath(current, segments);
  const after = change.unset ? undefined : change.value;
  for (const p of PATTERNS) {
    if (!prefixOf(p)) continue;
    const rest = p.segments.slice(segments.length);
    const old = leaves(before, rest);
    const next = leaves(after, rest);
    for (const path of new Set([...old.keys(), ...next.keys()])) {
      if (JSON.stringify(old.get(path)) !== JSON.stringify(next.get(path))) return { pattern: p.pattern, why: p.why };
    }
  }
  return undefined;
}

/** Every value at `rest` (a pattern tail, `*` = each key or index) inside `node`, by its concrete path. */
function leaves(node: unknown, rest: readonly string[], at = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (rest.length === 0) {
    if (node !== undefined) out.set(at, node);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const [head, ...tail] = rest as [string, ...string[]];
  const keys = head === '*' ? Object.keys(node) : Object.hasOwn(node, head) ? [head] : [];
  for (const k of keys) for (const [path, value] of leaves((node as Record<string, unknown>)[k], tail, `${at}.${k}`)) out.set(path, value);
  return out;
}
