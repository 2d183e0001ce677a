// Read the JSON5 config file: a missing file means defaults; every failure becomes issues, never a throw.
import { promises as fs } from 'node:fs';
import JSON5 from 'json5';
import type { ConfigIssue } from './issues.js';
import type { AppConfig } from './schema.js';
import { validateConfig } from './validate.js';

/** One problem with the config (defined in issues.ts, re-exported where callers load). */
export type { ConfigIssue } from './issues.js';

/** Outcome of loading the config file. */
export type LoadResult = { ok: true; config: AppConfig; path: string; exists: boolean; warnings: ConfigIssue[] } | { ok: false; path: string; issues: ConfigIssue[] };

/** The file's parsed (not yet validated) content, or why it could not be parsed. */
export type RawParseResult = { ok: true; raw: unknown } | { ok: false; issues: ConfigIssue[] };

/** The raw file content plus whether the file exists (a missing file reads as `{}`). */
export type RawReadResult = { ok: true; raw: unknown; exists: boolean; text?: string } | { ok: false; issues: ConfigIssue[] };

/** Parse JSON5 text; syntax errors name the line and column. An empty file is an empty config. */
export function parseConfigRaw(text: string): RawParseResult {
  if (text.trim() === '') return { ok: true, raw: {} };
  try {
    return { ok: true, raw: JSON5.parse(text) as unknown };
  } catch (err) {
    const e = err as { message?: string; lineNumber?: number; columnNumber?: number };
    const detail = String(e.message ?? err)
      .replace(/^JSON5: /, '')
      .replace(/ at \d+:\d+$/, '');
    const where = e.lineNumber !== undefined ? ` at line ${e.lineNumber}, column ${e.columnNumber ?? 0}` : '';
    return { ok: false, issues: [{ path: '', message: `JSON5 syntax error${where}: ${detail}` }] };
  }
}

/** Parse and validate config text; `path` is only reported back. Synchronous, never throws. */
export function parseConfigText(text: string, path: string): LoadResult {
  const parsed = parseConfigRaw(text);
  if (!parsed.ok) return { ok: false, path, issues: parsed.issues };
  const valid = validateConfig(parsed.raw);
  return valid.ok ? { ok: true, config: valid.config, path, exists: true, warnings: valid.warnings } : { ok: false, path, issues: valid.issues };
}

/** Read a file's text; undefined when it does not exist, issues when it cannot be read. */
async function readText(path: string): Promise<{ text?: string; issues?: ConfigIssue[] }> {
  try {
    return { text: await fs.readFile(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    return { issues: [{ path: '', message: `cannot read ${path}: ${code ?? (err as Error).message}` }] };
  }
}

/** Read and parse the file without validating it (what set/unset edit). Never throws. */
export async function readConfigRaw(path: string): Promise<RawReadResult> {
  const { text, issues } = await readText(path);
  if (issues) return { ok: false, issues };
  if (text === undefined) return { ok: true, raw: {}, exists: false };
  const parsed = parseConfigRaw(text);
  return parsed.ok ? { ok: true, raw: parsed.raw, exists: true, text } : parsed;
}

/** Load and validate the config file. A missing file gives the defaults (`{}`), exists:false. */
export async function loadConfig(path: string): Promise<LoadResult> {
  const { text, issues } = await readText(path);
  if (issues) return { ok: false, path, issues };
  if (text === undefined) return { ok: true, config: {}, path, exists: false, warnings: [] };
  return parseConfigText(text, path);
}
