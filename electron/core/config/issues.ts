// Plain-language validation messages: zod's issues mapped to "<key path>: <what was expected>".
import type { z } from 'zod';
import { formatKeyPath } from './key-path.js';
import { knownKeysAt } from './schema-keys.js';
import { didYouMean } from './suggest.js';

/** One problem with the config: the key path (empty for file-level problems) and what was expected. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
};

const typeName = (expected: string): string => TYPE_NAMES[expected] ?? expected;

/** Per-parse zod error map: our wording for every issue a schema did not word itself. */
export function plainMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${typeName(issue.expected)}`;
    case 'invalid_value': {
      const expected = issue.values.length === 1 ? `expected ${JSON.stringify(issue.values[0])}` : `expected one of ${issue.values.map(String).join('|')}`;
      return `${expected}${gotText(issue.input, issue.values.map(String))}`;
    }
    case 'invalid_union': {
      const expected = issue.errors.map((branch) => (branch.length === 1 && branch[0]?.code === 'invalid_type' ? branch[0].expected : undefined));
      if (expected.every((e) => e !== undefined)) return `expected ${expected.map((e) => typeName(e as string)).join(' or ')}`;
      return 'does not match any allowed form';
    }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'expected a non-empty string' : `expected at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `expected at least ${issue.minimum} items`;
      return `expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      return `expected at most ${issue.maximum}`;
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return 'invalid value';
  }
}

/** `, got "pairng" (did you mean "pairing"?)`: the bad value echoed (short), with the closest allowed one. */
function gotText(input: unknown, allowed: readonly string[]): string {
  if (input === undefined) return '';
  const shown = JSON.stringify(input) ?? String(input);
  const echo = shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
  return `, got ${echo}${typeof input === 'string' ? didYouMean(input, allowed) : ''}`;
}

/**
 * Flatten zod issues into config issues; each unknown key gets its own issue at its own path,
 * with "did you mean …" when `schema` (the parsed root) knows a close key there.
 */
export function toConfigIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = [], schema?: z.ZodType): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? knownKeysAt(schema, issue.path) : [];
      for (const key of issue.keys) out.push({ path: formatKeyPath([...base, key]), message: `unknown key${didYouMean(key, known)}` });
    } else out.push({ path: formatKeyPath(base), message: issue.message });
  }
  return out;
}

/** One issue as a line: `channels.imessage.dmPolicy: expected one of …` (file-level issues bare). */
export function formatIssue(issue: ConfigIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}
