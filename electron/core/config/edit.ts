// One validated edit of the config file: lock, re-read, apply, validate, atomic write with `.bak`.
import JSON5 from 'json5';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { withFileLock } from '../fs/file-lock.js';
import type { ConfigIssue } from './issues.js';
import type { EditResult } from './key-path.js';
import { editJson5Text } from './edit-text.js';
import { readConfigRaw } from './load.js';
import type { AppConfig } from './schema.js';
import { validateConfig } from './validate.js';

/**
 * Outcome of {@link editConfigFile}. On success `issues` are problems the file still has,
 * `config` is the new config when it is valid, and `backupPath` is set when a `.bak` was written.
 */
export type EditOutcome =
  | { ok: true; changed: boolean; config?: AppConfig; issues: ConfigIssue[]; warnings?: ConfigIssue[]; backupPath?: string }
  | { ok: false; issues: ConfigIssue[] };

/** A change to the raw file object: an {@link EditResult}, or false for "nothing to change". */
export type ConfigEdit = (raw: Record<string, unknown>) => EditResult | false;

/** Options for {@link editConfigFile}. */
export interface EditOptions {
  /** How long to wait for another writer's lock (default 10 s). */
  readonly lockTimeoutMs?: number;
}

const HEADER = [
  '// imsg Companion config (JSON5). `imsg-companion config set/unset` and the app edit this file in',
  '// place (your comments and layout stay); the previous version is saved next to it with a .bak suffix.',
  '',
].join('\n');

/** The text written for a config object (readable JSON5 with the rewrite notice on top). */
export function renderConfigText(raw: unknown): string {
  return `${HEADER}${JSON5.stringify(raw, { space: 2, quote: '"' })}\n`;
}

const issueKey = (i: ConfigIssue): string => `${i.path}\u0000${i.message}`;

/**
 * Apply `edit` to the file at `path` under its lock, re-reading it first so concurrent writers
 * (CLI and app) never lose each other's changes. Refused, with the file untouched, when the
 * result has a problem the file did not already have. Never throws.
 */
export async function editConfigFile(path: string, edit: ConfigEdit, opts: EditOptions = {}): Promise<EditOutcome> {
  try {
    return await withFileLock(`${path}.lock`, () => applyEdit(path, edit), { timeoutMs: opts.lockTimeoutMs });
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: `cannot update ${path}: ${err instanceof Error ? err.message : String(err)}` }] };
  }
}

async function applyEdit(path: string, edit: ConfigEdit): Promise<EditOutcome> {
  const read = await readConfigRaw(path);
  if (!read.ok) return read;
  const before = validateConfig(read.raw);
  if (typeof read.raw !== 'object' || read.raw === null || Array.isArray(read.raw)) return { ok: false, issues: before.ok ? [] : before.issues };
  const next = structuredClone(read.raw) as Record<string, unknown>;
  const result = edit(next);
  if (result && !result.ok) return { ok: false, issues: [{ path: result.path, message: result.message }] };
  if (result === false || JSON.stringify(next) === JSON.stringify(read.raw)) {
    return before.ok ? { ok: true, changed: false, config: before.config, issues: [], warnings: before.warnings } : { ok: true, changed: false, issues: before.issues };
  }
  const after = validateConfig(next);
  if (!after.ok) {
    // A file that is already invalid may still be repaired one key at a time.
    const known = new Set(before.ok ? [] : before.issues.map(issueKey));
    const added = after.issues.filter((i) => !known.has(issueKey(i)));
    if (added.length > 0) return { ok: false, issues: added };
  }
  // Edit the user's text in place; a fresh rendering only for a new/empty file or text we cannot edit safely.
  const text = (read.text !== undefined ? editJson5Text(read.text, next) : null) ?? renderConfigText(next);
  await writeFileAtomic(path, text, { backup: read.exists });
  const backupPath = read.exists ? `${path}.bak` : undefined;
  return after.ok ? { ok: true, changed: true, config: after.config, issues: [], warnings: after.warnings, backupPath } : { ok: true, changed: true, issues: after.issues, backupPath };
}
