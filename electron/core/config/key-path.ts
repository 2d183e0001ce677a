// Dotted key paths (`channels.imessage.accounts.work.allowFrom`, `agents.list[0].id`) for get/set/unset.
import JSON5 from 'json5';

/** One step of a key path: an object key, or an array index. */
export type KeySegment = string | number;

/** A malformed key path (the message says what is wrong with it). */
export class KeyPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyPathError';
  }
}

const SIMPLE = /^[^.[\]"\s]+$/;
const QUOTED = /^\["((?:[^"\\]|\\.)*)"\]/;
const INDEX = /^\[(\d+)\]/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Parse `a.b[0]["odd.key"].c`; throws {@link KeyPathError} on malformed input. */
export function parseKeyPath(path: string): KeySegment[] {
  const bad = (why: string): KeyPathError => new KeyPathError(`invalid key path "${path}": ${why}`);
  if (path.trim() === '') throw bad('it is empty');
  const segments: KeySegment[] = [];
  let rest = path;
  while (rest !== '') {
    const index = INDEX.exec(rest);
    const quoted = index ? null : QUOTED.exec(rest);
    if (index) segments.push(Number(index[1]));
    else if (quoted) segments.push(JSON.parse(`"${quoted[1]}"`) as string);
    else {
      const key = /^[^.[]*/.exec(rest)?.[0] ?? '';
      if (key === '' || /[\]"\s]/.test(key)) throw bad(`unexpected "${rest.slice(0, 12)}"`);
      segments.push(key);
      rest = rest.slice(key.length);
    }
    if (index || quoted) rest = rest.slice((index ?? quoted)?.[0].length ?? 0);
    if (rest.startsWith('.')) {
      rest = rest.slice(1);
      if (rest === '' || rest.startsWith('.') || rest.startsWith('[')) throw bad('empty segment');
    } else if (rest !== '' && !rest.startsWith('[')) throw bad(`unexpected "${rest.slice(0, 12)}"`);
  }
  return segments;
}

/** Format segments the way {@link parseKeyPath} reads them (and the way issues name keys). */
export function formatKeyPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => {
      if (typeof s === 'number') return `[${s}]`;
      const key = String(s);
      return SIMPLE.test(key) ? (i === 0 ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    })
    .join('');
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

/** Resolve one step; array steps accept both `[0]` and `.0`. Only own keys count. */
function step(container: unknown, segment: KeySegment): unknown {
  if (Array.isArray(container)) {
    const i = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
    return i >= 0 && i < container.length ? container[i] : undefined;
  }
  if (!isContainer(container) || !Object.hasOwn(container, segment)) return undefined;
  return (container as Record<string, unknown>)[String(segment)];
}

/** The value at `path` (a dotted path or parsed segments), or undefined when any step is missing. */
export function getAtPath(obj: unknown, path: string | readonly KeySegment[]): unknown {
  const segments = typeof path === 'string' ? parseKeyPath(path) : path;
  return segments.reduce<unknown>((node, segment) => step(node, segment), obj);
}

/** Outcome of {@link setAtPath}: on failure, the key path where it went wrong and why. */
export type EditResult = { ok: true } | { ok: false; path: string; message: string };

/** Set `value` at `segments` inside `root` (mutated), creating missing objects/arrays on the way. */
export function setAtPath(root: Record<string, unknown>, segments: readonly KeySegment[], value: unknown): EditResult {
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as KeySegment;
    const here = formatKeyPath(segments.slice(0, i + 1));
    if (typeof segment === 'string' && RESERVED.has(segment)) return { ok: false, path: here, message: 'reserved key name' };
    const last = i === segments.length - 1;
    const child = last ? value : (step(node, segment) ?? (typeof segments[i + 1] === 'number' ? [] : {}));
    if (!last && !isContainer(child)) {
      return { ok: false, path: here, message: `is ${describe(child)}, so it has no key "${String(segments[i + 1])}"` };
    }
    if (Array.isArray(node)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : NaN;
      if (!(index <= node.length)) return { ok: false, path: here, message: `expected a list index from 0 to ${node.length}` };
      node[index] = child;
    } else (node as Record<string, unknown>)[String(segment)] = child;
    node = child;
  }
  return { ok: true };
}

/** Remove the key (or list item) at `segments` inside `root`; false when it was not set. */
export function unsetAtPath(root: Record<string, unknown>, segments: readonly KeySegment[]): boolean {
  const parent = segments.length > 1 ? getAtPath(root, segments.slice(0, -1)) : root;
  const last = segments[segments.length - 1] as KeySegment;
  if (step(parent, last) === undefined) return false;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, unknown>)[String(last)];
  return true;
}

/** A value typed on a command line or in chat: JSON5 when it parses (`true`, `20`, `["*"]`), else the text. */
export function parseValueText(text: string): unknown {
  try {
    return JSON5.parse(text);
  } catch {
    return text;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
